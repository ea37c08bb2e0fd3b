namespace MotCua.Domain.Calendar;

/// <summary>
/// The few astronomical quantities a lunisolar calendar needs: the instant of each new moon and the sun's
/// apparent longitude. Series follow J. Meeus, <i>Astronomical Algorithms</i> (2nd ed.), chapters 10, 25
/// and 49. Their precision (about a minute for new moons, about 0.01° ≈ 15 minutes for the sun) decides a
/// civil day only when an event falls within minutes of local midnight, which is rare.
/// </summary>
internal static class Astronomy
{
    /// <summary>Julian day number of 0001-01-01 (proleptic Gregorian), i.e. of <c>DateOnly.DayNumber</c> 0.</summary>
    public const int JulianDayOfDayNumberZero = 1_721_426;

    public const double MeanSynodicMonth = 29.530588861;

    /// <summary>Ephemeris time of lunation 0, the new moon of 6 January 2000.</summary>
    private const double FirstNewMoonJde = 2_451_550.09766;

    private const double J2000 = 2_451_545.0;
    private const double DaysPerCentury = 36_525.0;
    private const double SecondsPerDay = 86_400.0;

    /// <summary>Lunation index of the new moon closest to (at or before, give or take a day) a Julian day.</summary>
    public static int LunationNear(double julianDay) =>
        (int)Math.Floor((julianDay - FirstNewMoonJde) / MeanSynodicMonth);

    /// <summary>Universal time (as a Julian day) of new moon number <paramref name="k"/>.</summary>
    public static double NewMoonUniversal(int k)
    {
        var jde = NewMoonEphemeris(k);
        return jde - DeltaTSeconds(jde) / SecondsPerDay;
    }

    /// <summary>Apparent geocentric longitude of the sun in degrees [0, 360) at a universal-time Julian day.</summary>
    public static double SunLongitudeAtUniversal(double julianDay) =>
        SunApparentLongitude(julianDay + DeltaTSeconds(julianDay) / SecondsPerDay);

    private static double NewMoonEphemeris(int k)
    {
        double t = k / 1236.85, t2 = t * t, t3 = t2 * t, t4 = t3 * t;

        var jde = FirstNewMoonJde + MeanSynodicMonth * k
                  + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;

        // E scales the terms that involve the sun's anomaly: the Earth's orbit is slowly becoming rounder.
        var e = 1 - 0.002516 * t - 0.0000074 * t2;
        var m = Radians(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
        var mm = Radians(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
        var f = Radians(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
        var node = Radians(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);

        var periodic =
            -0.40720 * Math.Sin(mm)
            + 0.17241 * e * Math.Sin(m)
            + 0.01608 * Math.Sin(2 * mm)
            + 0.01039 * Math.Sin(2 * f)
            + 0.00739 * e * Math.Sin(mm - m)
            - 0.00514 * e * Math.Sin(mm + m)
            + 0.00208 * e * e * Math.Sin(2 * m)
            - 0.00111 * Math.Sin(mm - 2 * f)
            - 0.00057 * Math.Sin(mm + 2 * f)
            + 0.00056 * e * Math.Sin(2 * mm + m)
            - 0.00042 * Math.Sin(3 * mm)
            + 0.00042 * e * Math.Sin(m + 2 * f)
            + 0.00038 * e * Math.Sin(m - 2 * f)
            - 0.00024 * e * Math.Sin(2 * mm - m)
            - 0.00017 * Math.Sin(node)
            - 0.00007 * Math.Sin(mm + 2 * m)
            + 0.00004 * Math.Sin(2 * mm - 2 * f)
            + 0.00004 * Math.Sin(3 * m)
            + 0.00003 * Math.Sin(mm + m - 2 * f)
            + 0.00003 * Math.Sin(2 * mm + 2 * f)
            - 0.00003 * Math.Sin(mm + m + 2 * f)
            + 0.00003 * Math.Sin(mm - m + 2 * f)
            - 0.00002 * Math.Sin(mm - m - 2 * f)
            - 0.00002 * Math.Sin(3 * mm + m)
            + 0.00002 * Math.Sin(4 * mm);

        return jde + periodic + PlanetaryCorrection(k, t2);
    }

    // Perturbations by the planets: each is a fraction of a minute, together up to about two minutes.
    private static readonly (double Amplitude, double Phase, double Rate)[] PlanetaryTerms =
    [
        (0.000165, 251.88, 0.016321),
        (0.000164, 251.83, 26.651886),
        (0.000126, 349.42, 36.412478),
        (0.000110, 84.66, 18.206239),
        (0.000062, 141.74, 53.303771),
        (0.000060, 207.14, 2.453732),
        (0.000056, 154.84, 7.306860),
        (0.000047, 34.52, 27.261239),
        (0.000042, 207.19, 0.121824),
        (0.000040, 291.34, 1.844379),
        (0.000037, 161.72, 24.198154),
        (0.000035, 239.56, 25.513099),
        (0.000023, 331.55, 3.592518),
    ];

    private static double PlanetaryCorrection(int k, double t2)
    {
        var sum = 0.000325 * Math.Sin(Radians(299.77 + 0.107408 * k - 0.009173 * t2));
        foreach (var (amplitude, phase, rate) in PlanetaryTerms)
        {
            sum += amplitude * Math.Sin(Radians(phase + rate * k));
        }

        return sum;
    }

    private static double SunApparentLongitude(double jde)
    {
        double t = (jde - J2000) / DaysPerCentury, t2 = t * t;
        var meanLongitude = 280.46646 + 36000.76983 * t + 0.0003032 * t2;
        var anomaly = Radians(357.52911 + 35999.05029 * t - 0.0001537 * t2);
        var center = (1.914602 - 0.004817 * t - 0.000014 * t2) * Math.Sin(anomaly)
                     + (0.019993 - 0.000101 * t) * Math.Sin(2 * anomaly)
                     + 0.000289 * Math.Sin(3 * anomaly);
        // Nutation and aberration: the calendar follows the sun as seen, not the geometric one.
        var node = Radians(125.04 - 1934.136 * t);
        var apparent = meanLongitude + center - 0.00569 - 0.00478 * Math.Sin(node);
        return Normalize(apparent);
    }

    /// <summary>
    /// ΔT = TT − UT in seconds: the Earth's rotation is irregular, so ephemeris time drifts from clock
    /// time. Polynomials by Espenak and Meeus (2006); beyond their fitted span they extrapolate.
    /// </summary>
    private static double DeltaTSeconds(double julianDay)
    {
        var y = 2000.0 + (julianDay - J2000) / 365.25;
        double t;
        switch (y)
        {
            case < 1860:
                t = y - 1800;
                return 13.72 - 0.332447 * t + 0.0068612 * Math.Pow(t, 2) + 0.0041116 * Math.Pow(t, 3)
                       - 0.00037436 * Math.Pow(t, 4) + 0.0000121272 * Math.Pow(t, 5)
                       - 0.0000001699 * Math.Pow(t, 6) + 0.000000000875 * Math.Pow(t, 7);
            case < 1900:
                t = y - 1860;
                return 7.62 + 0.5737 * t - 0.251754 * Math.Pow(t, 2) + 0.01680668 * Math.Pow(t, 3)
                       - 0.0004473624 * Math.Pow(t, 4) + Math.Pow(t, 5) / 233174;
            case < 1920:
                t = y - 1900;
                return -2.79 + 1.494119 * t - 0.0598939 * Math.Pow(t, 2) + 0.0061966 * Math.Pow(t, 3)
                       - 0.000197 * Math.Pow(t, 4);
            case < 1941:
                t = y - 1920;
                return 21.20 + 0.84493 * t - 0.076100 * Math.Pow(t, 2) + 0.0020936 * Math.Pow(t, 3);
            case < 1961:
                t = y - 1950;
                return 29.07 + 0.407 * t - Math.Pow(t, 2) / 233 + Math.Pow(t, 3) / 2547;
            case < 1986:
                t = y - 1975;
                return 45.45 + 1.067 * t - Math.Pow(t, 2) / 260 - Math.Pow(t, 3) / 718;
            case < 2005:
                t = y - 2000;
                return 63.86 + 0.3345 * t - 0.060374 * Math.Pow(t, 2) + 0.0017275 * Math.Pow(t, 3)
                       + 0.000651814 * Math.Pow(t, 4) + 0.00002373599 * Math.Pow(t, 5);
            case < 2050:
                t = y - 2000;
                return 62.92 + 0.32217 * t + 0.005589 * Math.Pow(t, 2);
            case < 2150:
                return -20 + 32 * Math.Pow((y - 1820) / 100, 2) - 0.5628 * (2150 - y);
            default:
                return -20 + 32 * Math.Pow((y - 1820) / 100, 2);
        }
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180.0;

    private static double Normalize(double degrees)
    {
        var d = degrees % 360.0;
        return d < 0 ? d + 360.0 : d;
    }
}
