namespace WorkflowEngine.Engine.Calendar;

/// <summary>
/// Instants of the 24 solar terms (节气): when the Sun's apparent ecliptic longitude reaches a multiple of 15°.
/// Uses the low-precision solar position of Meeus, <i>Astronomical Algorithms</i>, ch. 25 (about 0.01°, i.e. some
/// minutes of time); over 1901–2100 the resulting 清明 dates match a high-precision ephemeris in every year.
/// </summary>
internal static class SolarTerms
{
    public const double QingmingLongitude = 15;

    private const double JulianDayOfDayNumberZero = 1721425.5; // 0001-01-01 00:00 UT
    private const double J2000 = 2451545.0;
    private const double DegreesToRadians = Math.PI / 180;
    private const double TropicalYearDays = 365.2422;

    public static DateOnly QingmingDate(int year) => WorkCalendar.LocalDate(Instant(year, QingmingLongitude));

    /// <summary>The instant within the Gregorian <paramref name="year"/> when the apparent solar longitude reaches <paramref name="longitude"/> degrees.</summary>
    public static DateTimeOffset Instant(int year, double longitude)
    {
        CalendarRange.RequireYear(year, nameof(year));
        longitude = Normalize(longitude, 0);
        var marchEquinox = JulianDay(new DateOnly(year, 3, 20).DayNumber);
        var jde = marchEquinox + longitude / 360 * TropicalYearDays;
        if (jde >= JulianDay(new DateOnly(year, 12, 31).DayNumber + 1)) jde -= TropicalYearDays;

        for (var i = 0; i < 50; i++)
        {
            // Meeus eq. 27 style correction: the Sun moves about 360/365.24 degrees per day.
            var step = 58 * Math.Sin(Normalize(longitude - ApparentLongitude(jde), -180) * DegreesToRadians);
            jde += step;
            if (Math.Abs(step) < 1e-7) break;
        }

        var ut = jde - DeltaTSeconds(year + 0.25) / 86400;
        var ticks = (long)Math.Round((ut - JulianDayOfDayNumberZero) * TimeSpan.TicksPerDay);
        return new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(WorkCalendar.ChinaOffset);
    }

    /// <summary>Apparent geocentric longitude of the Sun in degrees, referred to the true equinox of date (Meeus ch. 25).</summary>
    internal static double ApparentLongitude(double julianEphemerisDay)
    {
        var t = (julianEphemerisDay - J2000) / 36525;
        var meanLongitude = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
        var meanAnomaly = (357.52911 + 35999.05029 * t - 0.0001537 * t * t) * DegreesToRadians;
        var center = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.Sin(meanAnomaly)
                     + (0.019993 - 0.000101 * t) * Math.Sin(2 * meanAnomaly)
                     + 0.000289 * Math.Sin(3 * meanAnomaly);
        var omega = (125.04 - 1934.136 * t) * DegreesToRadians;
        return Normalize(meanLongitude + center - 0.00569 - 0.00478 * Math.Sin(omega), 0);
    }

    /// <summary>TT − UT in seconds, polynomial fits of Espenak &amp; Meeus (NASA, 2006) for 1900–2150.</summary>
    internal static double DeltaTSeconds(double year)
    {
        double t;
        switch (year)
        {
            case < 1920:
                t = year - 1900;
                return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t * t * t - 0.000197 * t * t * t * t;
            case < 1941:
                t = year - 1920;
                return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t;
            case < 1961:
                t = year - 1950;
                return 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547;
            case < 1986:
                t = year - 1975;
                return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718;
            case < 2005:
                t = year - 2000;
                return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t
                       + 0.000651814 * t * t * t * t + 0.00002373599 * t * t * t * t * t;
            case < 2050:
                t = year - 2000;
                return 62.92 + 0.32217 * t + 0.005589 * t * t;
            default:
                t = (year - 1820) / 100;
                return -20 + 32 * t * t - 0.5628 * (2150 - year);
        }
    }

    private static double JulianDay(int dayNumber) => JulianDayOfDayNumberZero + dayNumber;

    /// <summary>The angle in [from, from + 360).</summary>
    private static double Normalize(double degrees, double from)
    {
        var r = (degrees - from) % 360;
        if (r < 0) r += 360;
        return r + from;
    }
}
