namespace MotCua.Domain.Delivery;

/// <summary>The area a postal address falls in, for the fee: the sending province's inner or outer area, or another province.</summary>
public enum TariffArea { Inner, Outer, OtherProvince }

/// <summary>A fee for one province: inside its inner area (listed communes/wards) and outside it.</summary>
public sealed record ProvinceRate(string Province, long Inner, long Outer, IReadOnlyCollection<string> InnerCommunes);

/// <summary>What the citizen is shown and confirms: the fee in VND and the area it was computed for.</summary>
public sealed record PostalQuote(long Fee, TariffArea Area);

/// <summary>
/// The postal fee for a result delivery or a file pickup: the province's rate (inner or outer area) when the
/// address is in a listed province, else the flat rate for other provinces. Names compare without accents or
/// case, and without the "Thành phố"/"Tỉnh"/"Phường"/"Xã" prefix, so a typed "ha noi" finds "Thành phố Hà Nội".
/// </summary>
public sealed class PostalTariff(IReadOnlyList<ProvinceRate> provinces, long otherProvince)
{
    public long OtherProvince { get; } = otherProvince >= 0 ? otherProvince : throw new ArgumentOutOfRangeException(nameof(otherProvince));

    public PostalQuote Quote(string province, string commune)
    {
        var key = Key(province);
        var rate = provinces.FirstOrDefault(p => Key(p.Province) == key);
        if (rate is null) return new PostalQuote(OtherProvince, TariffArea.OtherProvince);
        var place = Key(commune);
        return rate.InnerCommunes.Any(c => Key(c) == place) ? new PostalQuote(rate.Inner, TariffArea.Inner) : new PostalQuote(rate.Outer, TariffArea.Outer);
    }

    private static readonly string[] Prefixes = ["thanh pho ", "tinh ", "tp. ", "tp ", "phuong ", "xa ", "thi tran ", "dac khu "];

    /// <summary>Folded for comparison: lower case, no accents (đ → d), single spaces, the administrative prefix dropped.</summary>
    public static string Key(string? name)
    {
        var folded = Fold(name);
        foreach (var prefix in Prefixes)
        {
            if (folded.StartsWith(prefix, StringComparison.Ordinal)) return folded[prefix.Length..];
        }
        return folded;
    }

    private static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = text.Trim().ToLowerInvariant().Replace('đ', 'd').Normalize(System.Text.NormalizationForm.FormD);
        var kept = decomposed.Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark);
        return string.Join(' ', new string([.. kept]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
