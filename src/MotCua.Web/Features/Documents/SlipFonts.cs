namespace MotCua.Web.Features.Documents;

/// <summary>
/// Noto Sans (SIL Open Font License 1.1, see Fonts/README.md), compiled into the assembly: every PDF carries
/// the same Vietnamese-complete font whatever the server has installed. Only the glyphs used are embedded.
/// </summary>
public static class SlipFonts
{
    private static readonly Lazy<byte[]> RegularBytes = new(() => Read("NotoSans-Regular.ttf"));
    private static readonly Lazy<byte[]> BoldBytes = new(() => Read("NotoSans-Bold.ttf"));

    public static byte[] Regular => RegularBytes.Value;

    public static byte[] Bold => BoldBytes.Value;

    private static byte[] Read(string name)
    {
        using var stream = typeof(SlipFonts).Assembly.GetManifestResourceStream("MotCua.Fonts." + name)
            ?? throw new InvalidOperationException($"The font {name} is not embedded in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
