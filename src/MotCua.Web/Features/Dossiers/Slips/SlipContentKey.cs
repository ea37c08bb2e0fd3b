using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MotCua.Web.Features.Documents;

namespace MotCua.Web.Features.Dossiers.Slips;

/// <summary>
/// A hash of what a slip says (everything but its QR address), so an unchanged slip asked for again is the same
/// issued document. Blocks are written with their own types: as the base type they would all look empty.
/// </summary>
public static class SlipContentKey
{
    public static string Of(SlipDocument slip)
    {
        var text = new StringBuilder();
        text.Append(JsonSerializer.Serialize(slip with { Blocks = [], QrUrl = null, QrCaption = null }));
        foreach (var block in slip.Blocks) text.Append('\n').Append(block.GetType().Name).Append(JsonSerializer.Serialize(block, block.GetType()));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
