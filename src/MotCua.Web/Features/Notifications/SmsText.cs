using System.Globalization;
using System.Text;

namespace MotCua.Web.Features.Notifications;

/// <summary>
/// SMS text without Vietnamese diacritics: gateways bill a message with diacritics (UCS-2, 70 characters) as two
/// or three plain ones (GSM 7-bit, 160), so Vietnamese services send unaccented text, as citizens expect.
/// </summary>
public static class SmsText
{
    public static string Plain(string text)
    {
        var decomposed = text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) plain.Append(c);
        }
        return plain.ToString().Normalize(NormalizationForm.FormC);
    }
}
