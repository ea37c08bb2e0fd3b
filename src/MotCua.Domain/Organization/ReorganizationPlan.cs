namespace MotCua.Domain.Organization;

/// <summary>A unit as it stands on a given day: the part of the tree a reorganisation works on.</summary>
public sealed record UnitSnapshot(Guid Id, string Code, string Name, string ShortName, UnitKind Kind, Guid? ParentId);

/// <summary>
/// Points at a unit in a plan: either one that exists already, or one the same plan opens (by its key).
/// </summary>
public readonly record struct UnitRef(Guid? Existing, string? NewKey)
{
    public static UnitRef To(Guid id) => new(id, null);
    public static UnitRef ToNew(string key) => new(null, key);
    public override string ToString() => Existing?.ToString() ?? $"new:{NewKey}";
}

public enum ReorganizationKind { Establish, Merge, Split, Rename, Move, Retire, Reform }

public abstract record ReorganizationChange;

/// <summary>Opens a unit that did not exist before (the product of a merge or split, or a new agency).</summary>
public sealed record OpenUnit(
    string Key, string Code, string? AdministrativeCode, string Name, string ShortName, UnitKind Kind, UnitRef? Parent)
    : ReorganizationChange;

/// <summary>Renames or moves a unit: the unit keeps its identity and its history; a new version starts.</summary>
public sealed record AmendUnit(
    Guid UnitId, string? Name = null, string? ShortName = null, string? Code = null, UnitRef? Parent = null, UnitKind? Kind = null)
    : ReorganizationChange;

/// <summary>
/// Closes a unit. Its successors take over its area in whole or in part; the first successor is the primary
/// one, to which open work moves. A unit retired with no successor must have no open work.
/// </summary>
public sealed record CloseUnit(Guid UnitId, IReadOnlyList<Successor> Successors) : ReorganizationChange;

public sealed record Successor(UnitRef Unit, bool Partial = false);

public sealed record PlanError(string Path, string Message);

/// <summary>
/// Checks a reorganisation against the tree as it stands on the effective date and works out the tree after
/// it. Pure: the caller persists the result. Nothing is applied when any error is found.
/// </summary>
public static class ReorganizationPlan
{
    public static IReadOnlyList<PlanError> Validate(
        IReadOnlyCollection<UnitSnapshot> before, IReadOnlyList<ReorganizationChange> changes)
    {
        var errors = new List<PlanError>();
        var byId = before.ToDictionary(u => u.Id);
        var opened = new Dictionary<string, OpenUnit>(StringComparer.Ordinal);
        var touched = new HashSet<Guid>();
        var closed = new HashSet<Guid>();
        if (changes.Count == 0)
        {
            errors.Add(new("$.changes", "Kế hoạch sắp xếp không có thay đổi nào."));
        }

        for (var i = 0; i < changes.Count; i++)
        {
            var path = $"$.changes[{i}]";
            switch (changes[i])
            {
                case OpenUnit open:
                    if (string.IsNullOrWhiteSpace(open.Key) || !opened.TryAdd(open.Key, open))
                    {
                        errors.Add(new($"{path}.key", "Khóa của đơn vị mới bị trống hoặc trùng."));
                    }
                    RequireText(errors, $"{path}.code", open.Code, "Mã định danh");
                    RequireText(errors, $"{path}.name", open.Name, "Tên đơn vị");
                    break;
                case AmendUnit amend:
                    CheckExisting(errors, byId, touched, amend.UnitId, path);
                    if (amend.Name is null && amend.ShortName is null && amend.Code is null && amend.Parent is null && amend.Kind is null)
                    {
                        errors.Add(new(path, "Thay đổi không nêu điều gì mới (tên, mã, đơn vị cấp trên hoặc loại)."));
                    }
                    if (amend.Name is not null) RequireText(errors, $"{path}.name", amend.Name, "Tên đơn vị");
                    if (amend.Code is not null) RequireText(errors, $"{path}.code", amend.Code, "Mã định danh");
                    break;
                case CloseUnit close:
                    CheckExisting(errors, byId, touched, close.UnitId, path);
                    closed.Add(close.UnitId);
                    break;
            }
        }

        if (errors.Count > 0) return errors;

        var after = After(before, changes);
        CheckReferences(errors, changes, after, opened);
        CheckChildrenOfClosed(errors, before, changes, closed);
        CheckUniqueCodes(errors, after);
        CheckNoCycles(errors, after);
        return errors;
    }

    /// <summary>The units open after the plan, with new units given the ids of <paramref name="newIds"/>.</summary>
    public static IReadOnlyList<UnitSnapshot> After(
        IReadOnlyCollection<UnitSnapshot> before, IReadOnlyList<ReorganizationChange> changes,
        IReadOnlyDictionary<string, Guid>? newIds = null)
    {
        newIds ??= changes.OfType<OpenUnit>().ToDictionary(o => o.Key, _ => Guid.NewGuid());
        Guid? Resolve(UnitRef? r) => r is null ? null : r.Value.Existing ?? (newIds.TryGetValue(r.Value.NewKey ?? "", out var id) ? id : Guid.Empty);

        var result = before.ToDictionary(u => u.Id);
        foreach (var change in changes)
        {
            switch (change)
            {
                case OpenUnit o:
                    result[newIds[o.Key]] = new UnitSnapshot(newIds[o.Key], o.Code, o.Name, o.ShortName, o.Kind, Resolve(o.Parent));
                    break;
                case AmendUnit a when result.TryGetValue(a.UnitId, out var u):
                    result[a.UnitId] = u with
                    {
                        Name = a.Name ?? u.Name,
                        ShortName = a.ShortName ?? u.ShortName,
                        Code = a.Code ?? u.Code,
                        Kind = a.Kind ?? u.Kind,
                        ParentId = a.Parent is null ? u.ParentId : Resolve(a.Parent),
                    };
                    break;
                case CloseUnit c:
                    result.Remove(c.UnitId);
                    break;
            }
        }
        return [.. result.Values];
    }

    private static void CheckExisting(List<PlanError> errors, Dictionary<Guid, UnitSnapshot> byId, HashSet<Guid> touched, Guid id, string path)
    {
        if (!byId.ContainsKey(id))
        {
            errors.Add(new($"{path}.unitId", "Đơn vị không tồn tại hoặc không còn hiệu lực vào ngày sắp xếp."));
        }
        else if (!touched.Add(id))
        {
            errors.Add(new($"{path}.unitId", "Một đơn vị chỉ được thay đổi một lần trong một lần sắp xếp."));
        }
    }

    private static void RequireText(List<PlanError> errors, string path, string? value, string label)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(new(path, $"{label} không được để trống."));
    }

    private static void CheckReferences(
        List<PlanError> errors, IReadOnlyList<ReorganizationChange> changes, IReadOnlyList<UnitSnapshot> after,
        Dictionary<string, OpenUnit> opened)
    {
        var openAfter = after.Select(u => u.Id).ToHashSet();
        bool Exists(UnitRef r) => r.Existing is { } id ? openAfter.Contains(id) : r.NewKey is { } k && opened.ContainsKey(k);

        for (var i = 0; i < changes.Count; i++)
        {
            var path = $"$.changes[{i}]";
            switch (changes[i])
            {
                case OpenUnit { Parent: { } p } when !Exists(p):
                    errors.Add(new($"{path}.parent", "Đơn vị cấp trên không tồn tại sau khi sắp xếp."));
                    break;
                case AmendUnit { Parent: { } p } when !Exists(p):
                    errors.Add(new($"{path}.parent", "Đơn vị cấp trên không tồn tại sau khi sắp xếp."));
                    break;
                case CloseUnit c:
                    for (var s = 0; s < c.Successors.Count; s++)
                    {
                        var successor = c.Successors[s].Unit;
                        if (!Exists(successor) || successor.Existing == c.UnitId)
                        {
                            errors.Add(new($"{path}.successors[{s}]", "Đơn vị kế thừa phải còn hiệu lực sau khi sắp xếp."));
                        }
                    }
                    break;
            }
        }
    }

    private static void CheckChildrenOfClosed(
        List<PlanError> errors, IReadOnlyCollection<UnitSnapshot> before, IReadOnlyList<ReorganizationChange> changes, HashSet<Guid> closed)
    {
        var moved = changes.OfType<AmendUnit>().Where(a => a.Parent is not null).Select(a => a.UnitId).ToHashSet();
        foreach (var child in before.Where(u => u.ParentId is { } p && closed.Contains(p)))
        {
            if (!closed.Contains(child.Id) && !moved.Contains(child.Id))
            {
                var index = IndexOfClose(changes, child.ParentId!.Value);
                errors.Add(new($"$.changes[{index}].unitId",
                    $"Đơn vị trực thuộc \"{child.Name}\" ({child.Code}) phải được chuyển sang đơn vị khác hoặc giải thể cùng lúc."));
            }
        }
    }

    private static int IndexOfClose(IReadOnlyList<ReorganizationChange> changes, Guid unitId)
    {
        for (var i = 0; i < changes.Count; i++)
        {
            if (changes[i] is CloseUnit c && c.UnitId == unitId) return i;
        }
        return -1;
    }

    private static void CheckUniqueCodes(List<PlanError> errors, IReadOnlyList<UnitSnapshot> after)
    {
        foreach (var group in after.GroupBy(u => u.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add(new("$.changes", $"Mã định danh {group.Key} bị trùng giữa các đơn vị: {string.Join(", ", group.Select(u => u.Name))}."));
        }
    }

    private static void CheckNoCycles(List<PlanError> errors, IReadOnlyList<UnitSnapshot> after)
    {
        var parents = after.ToDictionary(u => u.Id, u => u.ParentId);
        foreach (var unit in after)
        {
            var seen = new HashSet<Guid> { unit.Id };
            for (var p = unit.ParentId; p is { } id; p = parents.GetValueOrDefault(id))
            {
                if (!seen.Add(id))
                {
                    errors.Add(new("$.changes", $"Đơn vị \"{unit.Name}\" sẽ nằm dưới chính nó: cây đơn vị không được có vòng."));
                    return;
                }
            }
        }
    }
}
