using MotCua.Web.Features.Dossiers.Forms;
using MotCua.Web.Tests.Dossiers.Forms;

namespace MotCua.Web.Tests.Office;

/// <summary>The counter intake form for the birth registration, filled as an officer would: applicant, every form field, channel.</summary>
internal static class CounterForm
{
    public const string Applicant = "Vũ Thị Tại Quầy";

    public static Dictionary<string, string> Valid(string key)
    {
        var form = SeededForms.Form("1.001193");
        var answers = SeededForms.ValidAnswers(form);
        var fields = new Dictionary<string, string>
        {
            ["IdempotencyKey"] = key, ["Procedure"] = "1.001193", ["Channel"] = "1", ["OwnerKind"] = "citizen",
            ["OwnerName"] = Applicant, ["OwnerId"] = "001190012345", ["OwnerPhone"] = "0987654321", ["OwnerAddress"] = "5 Hàng Đào, Hà Nội",
        };
        foreach (var field in form.AllFields.Where(f => f.Kind != FieldKind.Unsupported))
        {
            if (FormAnswers.Get(answers, field.Name) is { } value) fields[field.Name] = SeededForms.Show(value);
        }
        return fields;
    }
}
