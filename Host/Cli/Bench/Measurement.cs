using System.Diagnostics;
using System.Globalization;

namespace WorkflowEngine.Server.Cli.Bench;

/// <summary>One measured figure: the median of several rounds, with its target.</summary>
public sealed record Measurement(string Name, double Median, string Unit, string Target, bool Met, string Detail)
{
    public string Row => $"| {Name} | {Format(Median)} {Unit} | {Target} | {(Met ? "met" : "NOT met")} | {Detail} |";

    public static string Format(double value) =>
        value >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.###", CultureInfo.InvariantCulture);
}

public static class Rounds
{
    /// <summary>Runs <paramref name="round"/> several times (after one warm-up) and returns the median of its rates per second.</summary>
    public static double MedianRate(int rounds, Func<int> round)
    {
        round();
        var rates = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            var operations = round();
            rates.Add(operations / watch.Elapsed.TotalSeconds);
        }
        return Median(rates);
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
