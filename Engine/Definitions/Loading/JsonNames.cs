namespace WorkflowEngine.Engine.Definitions.Loading;

/// <summary>Maps the JSON spellings of enumerations (kebab-case) to their values.</summary>
public static class JsonNames
{
    public static string Of<T>(T value) where T : struct, Enum
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

    public static IReadOnlyDictionary<string, T> All<T>() where T : struct, Enum =>
        Enum.GetValues<T>().ToDictionary(v => Of(v), v => v, StringComparer.Ordinal);
}
