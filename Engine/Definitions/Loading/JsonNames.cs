using System.Collections.Frozen;

namespace WorkflowEngine.Engine.Definitions.Loading;

/// <summary>The JSON spellings of enumerations (kebab-case: PeriodUnit.WorkingDays is "working-days"), worked out once per type.</summary>
public static class JsonNames
{
    public static string Of<T>(T value) where T : struct, Enum => Names<T>.ByValue[value];

    public static IReadOnlyDictionary<string, T> All<T>() where T : struct, Enum => Names<T>.ByName;

    private static class Names<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> ByValue = Enum.GetValues<T>().ToFrozenDictionary(v => v, Spell);
        public static readonly IReadOnlyDictionary<string, T> ByName =
            Enum.GetValues<T>().ToDictionary(v => ByValue[v], v => v, StringComparer.Ordinal);
    }

    private static string Spell<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        var chars = new List<char>(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) chars.Add('-');
            chars.Add(char.ToLowerInvariant(name[i]));
        }
        return new string(chars.ToArray());
    }
}
