namespace WorkflowEngine.Server.Auth;

/// <summary>
/// The password rules (等保 2.0 第三级): at least 8 characters of at least 3 of the 4 classes (upper case, lower case,
/// digits, symbols), not the user name; the last 5 passwords are not reused (checked by <see cref="UserDirectory"/>).
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MinClasses = 3;
    public const int History = 5;
    public const int MaxFailures = 5;
    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public const string Description = "密码至少 8 位，须包含大写字母、小写字母、数字、符号中的至少 3 类，不得与用户名相同，不得与最近 5 次使用过的密码相同。";

    /// <summary>Null when the password is acceptable, else why not (in Chinese).</summary>
    public static string? Check(string username, string? password)
    {
        if (string.IsNullOrEmpty(password)) return "请输入新密码。";
        if (password.Length < MinLength) return $"密码长度不足 {MinLength} 位。" + Description;
        var classes = (password.Any(char.IsUpper) ? 1 : 0) + (password.Any(char.IsLower) ? 1 : 0)
            + (password.Any(char.IsDigit) ? 1 : 0) + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);
        if (classes < MinClasses) return "密码须包含大写字母、小写字母、数字、符号中的至少 3 类。";
        if (string.Equals(password, username, StringComparison.OrdinalIgnoreCase)
            || password.Contains(username, StringComparison.OrdinalIgnoreCase) && username.Length >= 4 && password.Length - username.Length < 4)
            return "密码不得与用户名相同或仅在用户名上略作改动。";
        return null;
    }

    /// <summary>A random password that meets the policy (an administrator's reset when none is given).</summary>
    public static string Generate()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnpqrstuvwxyz", digits = "23456789", symbols = "@#%&*!?";
        var all = upper + lower + digits + symbols;
        var chars = new List<char>
        {
            upper[Random.Shared.Next(upper.Length)], lower[Random.Shared.Next(lower.Length)],
            digits[Random.Shared.Next(digits.Length)], symbols[Random.Shared.Next(symbols.Length)],
        };
        for (var i = 0; i < 8; i++) chars.Add(all[System.Security.Cryptography.RandomNumberGenerator.GetInt32(all.Length)]);
        return new string(chars.OrderBy(_ => System.Security.Cryptography.RandomNumberGenerator.GetInt32(1000)).ToArray());
    }
}
