using System.Globalization;
using System.Text.RegularExpressions;

namespace MotCua.Domain.Catalog;

/// <summary>
/// Checks a procedure definition before it is saved or published, so that a mistake in the catalogue
/// is caught by the administrator who makes it rather than by a citizen who cannot file, a fee that
/// cannot be computed, or a dossier stuck in a step nobody can leave.
/// </summary>
public static partial class ProcedureValidator
{
    /// <summary>
    /// Every problem found, in document order; empty when the definition is valid. Whatever is present
    /// is always checked (a draft gets the same feedback as a release); <paramref name="forPublishing"/>
    /// additionally requires what a dossier cannot do without, i.e. the workflow.
    /// </summary>
    public static IReadOnlyList<ValidationError> Validate(ProcedureDefinition d, bool forPublishing)
    {
        ArgumentNullException.ThrowIfNull(d);
        var errors = new List<ValidationError>();

        ValidateIdentity(d, errors);
        ValidateDocuments(d.Documents, errors);
        if (d.ProcessingTime.Value <= 0)
        {
            errors.Add(new("$.processingTime.value", "Thời hạn giải quyết phải lớn hơn 0."));
        }

        var formProperties = d.Form is null ? null : FormValidator.Validate(d.Form, errors);
        ValidateFees(d.Fees, formProperties, errors);
        ValidateResultsAndLegalBasis(d, errors);
        ValidateOnlineLevel(d, errors);

        if (d.Workflow is not null)
        {
            WorkflowValidator.Validate(d.Workflow, errors);
        }
        else if (forPublishing)
        {
            errors.Add(new("$.workflow", "Phải có quy trình xử lý trước khi công bố."));
        }

        return errors;
    }

    private static void ValidateIdentity(ProcedureDefinition d, List<ValidationError> errors)
    {
        if (RequireText(d.NationalCode, "$.nationalCode", errors) && !NationalCodeFormat().IsMatch(d.NationalCode))
        {
            errors.Add(new("$.nationalCode",
                "Mã thủ tục không đúng định dạng (ví dụ 1.001193 hoặc 2.000815.000.00.00.H55)."));
        }

        if (d.LocalCode is not null)
        {
            if (!LocalCodeFormat().IsMatch(d.LocalCode))
            {
                errors.Add(new("$.localCode", "Mã địa phương không đúng định dạng (ví dụ 1.001193.000.00.00.H26)."));
            }
            else if (!d.LocalCode.StartsWith(d.NationalCode + ".", StringComparison.Ordinal))
            {
                errors.Add(new("$.localCode", "Mã địa phương phải bắt đầu bằng mã thủ tục quốc gia."));
            }
        }

        RequireText(d.Name, "$.name", errors);
        RequireText(d.Field, "$.field", errors);

        // Unit kinds decide which units may receive the procedure: only the kinds the product knows count.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < d.UnitKinds.Count; i++)
        {
            var kind = d.UnitKinds[i];
            if (!Organization.UnitKinds.TryParseKey(kind, out var parsed) || Organization.UnitKinds.ToKey(parsed) != kind)
            {
                errors.Add(new($"$.unitKinds[{i}]", $"Loại đơn vị \"{Shorten(kind)}\" không có; dùng một trong: ward, commune, township, district, department, peoplesCommittee, serviceCenter, division."));
            }
            else if (!seen.Add(kind))
            {
                errors.Add(new($"$.unitKinds[{i}]", $"Loại đơn vị \"{kind}\" bị lặp lại."));
            }
        }
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";

    private static void ValidateDocuments(IReadOnlyList<RequiredDocument> documents, List<ValidationError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            var doc = documents[i];
            var path = ValidationPath.Index("$.documents", i);
            if (RequireText(doc.Key, path + ".key", errors))
            {
                if (!KebabCase().IsMatch(doc.Key))
                {
                    errors.Add(new(path + ".key",
                        "Mã giấy tờ phải viết thường, không dấu, nối bằng dấu gạch ngang (ví dụ giay-chung-sinh)."));
                }
                else if (!seen.Add(doc.Key))
                {
                    errors.Add(new(path + ".key", $"Mã giấy tờ \"{doc.Key}\" bị trùng."));
                }
            }

            RequireText(doc.Name, path + ".name", errors);
            if (doc.Originals < 0)
            {
                errors.Add(new(path + ".originals", "Số bản không được âm."));
            }

            if (doc.Copies < 0)
            {
                errors.Add(new(path + ".copies", "Số bản không được âm."));
            }
        }
    }

    private static void ValidateFees(
        IReadOnlyList<FeeRule> fees, IReadOnlySet<string>? formProperties, List<ValidationError> errors)
    {
        for (var i = 0; i < fees.Count; i++)
        {
            var fee = fees[i];
            var path = ValidationPath.Index("$.fees", i);
            RequireText(fee.Name, path + ".name", errors);
            if (fee.Amount < 0)
            {
                errors.Add(new(path + ".amount", "Số tiền không được âm."));
            }

            if (fee.Kind is FeeKind.PerCopy or FeeKind.Table)
            {
                // The amount depends on an answer of the form, so the answer must exist to compute it.
                if (string.IsNullOrWhiteSpace(fee.Field))
                {
                    errors.Add(new(path + ".field", "Phí tính theo số bản hoặc theo bảng phải chỉ rõ trường của tờ khai."));
                }
                else if (formProperties is not null && !formProperties.Contains(fee.Field))
                {
                    errors.Add(new(path + ".field", $"Trường \"{fee.Field}\" không có trong tờ khai."));
                }
            }

            if (fee.Kind == FeeKind.Table)
            {
                ValidateFeeTable(fee.Table, path, errors);
            }
        }
    }

    private static void ValidateFeeTable(IReadOnlyList<FeeTableRow> rows, string feePath, List<ValidationError> errors)
    {
        if (rows.Count == 0)
        {
            errors.Add(new(feePath + ".table", "Bảng phí phải có ít nhất một dòng."));
        }

        for (var j = 0; j < rows.Count; j++)
        {
            var rowPath = ValidationPath.Index(feePath + ".table", j);
            RequireText(rows[j].Value, rowPath + ".value", errors);
            if (rows[j].Amount < 0)
            {
                errors.Add(new(rowPath + ".amount", "Số tiền không được âm."));
            }
        }
    }

    private static void ValidateResultsAndLegalBasis(ProcedureDefinition d, List<ValidationError> errors)
    {
        for (var i = 0; i < d.Results.Count; i++)
        {
            RequireText(d.Results[i].Name, ValidationPath.Index("$.results", i) + ".name", errors);
        }

        for (var i = 0; i < d.LegalBasis.Count; i++)
        {
            RequireText(d.LegalBasis[i].Title, ValidationPath.Index("$.legalBasis", i) + ".title", errors);
        }
    }

    private static void ValidateOnlineLevel(ProcedureDefinition d, List<ValidationError> errors)
    {
        var level = d.OnlineLevel.Level;
        if (level is < 1 or > 4)
        {
            errors.Add(new("$.onlineLevel.level", "Mức độ dịch vụ công trực tuyến phải từ 1 đến 4."));
            return;
        }

        // Decree 42/2022 full-process and Decree 43/2011 level 4 are the same service, so they must agree.
        if (d.OnlineLevel.FullProcess && level != 4)
        {
            errors.Add(new("$.onlineLevel.fullProcess", "Chỉ dịch vụ công mức độ 4 mới là toàn trình."));
        }
        else if (!d.OnlineLevel.FullProcess && level == 4)
        {
            errors.Add(new("$.onlineLevel.fullProcess", "Dịch vụ công mức độ 4 phải là toàn trình."));
        }

        if (level >= 3 && !d.ReceiveChannels.Contains(Channel.Online))
        {
            errors.Add(new("$.receiveChannels", string.Create(CultureInfo.InvariantCulture,
                $"Dịch vụ công mức độ {level} phải nhận hồ sơ trực tuyến.")));
        }
    }

    /// <summary>Adds an error when <paramref name="value"/> is blank; true when it is not.</summary>
    internal static bool RequireText(string? value, string path, List<ValidationError> errors)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        errors.Add(new(path, "Không được để trống."));
        return false;
    }

    // National catalogue codes are "<group>.<6 digits>"; a local variant appends the agency's
    // QCVN 102:2016 identifier (three digit groups and a province letter code, e.g. 000.00.00.H55).
    [GeneratedRegex(@"^[0-9]{1,2}\.[0-9]{6}(\.[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2})?$")]
    private static partial Regex NationalCodeFormat();

    [GeneratedRegex(@"^[0-9]{1,2}\.[0-9]{6}\.[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$")]
    private static partial Regex LocalCodeFormat();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
