using Microsoft.Extensions.Options;
using MotCua.Domain.Catalog;
using MotCua.Domain.Organization;

namespace MotCua.Web.Features.Dossiers;

public sealed class WorkflowUnitOptions
{
    public const string Section = "MotCua:FieldDepartments";
    /// <summary>Field (lĩnh vực) → code of the department that decides it, for workflow steps "fieldDepartment"; bound from MotCua:FieldDepartments.</summary>
    public Dictionary<string, string> Departments { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>Turns a workflow step's performer ("the receiving unit", "its parent of kind X", "the field's department") into a unit of today's tree.</summary>
public sealed class WorkflowUnits(IOptions<WorkflowUnitOptions> options)
{
    public Func<StepPerformer, Guid> ResolverFor(UnitTree tree, Guid receivingUnit, string field) => performer => performer.Unit switch
    {
        UnitSelector.Receiving => receivingUnit,
        UnitSelector.ParentOfKind => tree.AncestorsOf(receivingUnit)
            .FirstOrDefault(u => UnitKinds.TryParseKey(performer.Argument, out var kind) && u.Kind == kind)?.Id
            ?? throw new InvalidOperationException($"No unit of kind '{performer.Argument}' above the receiving unit."),
        UnitSelector.Fixed => tree.FindByCode(performer.Argument ?? "")?.Id
            ?? throw new InvalidOperationException($"Unit '{performer.Argument}' does not exist today."),
        UnitSelector.FieldDepartment => (options.Value.Departments.TryGetValue(field, out var code) ? tree.FindByCode(code)?.Id : null)
            ?? throw new InvalidOperationException($"No department is configured for the field '{field}' (MotCua:FieldDepartments)."),
        _ => throw new ArgumentOutOfRangeException(nameof(performer), performer.Unit, "Unknown unit selector."),
    };
}
