using System.Security.Cryptography;
using System.Text;

namespace WorkflowEngine.Server.Notifications;

/// <summary>
/// The webhook's signature: <c>X-Workflow-Signature: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of the exact body bytes with the
/// shared secret. A receiver computes the same over the bytes it received and compares in constant time.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Workflow-Signature";
    public const string TimestampHeader = "X-Workflow-Timestamp";
    public const string IdHeader = "Idempotency-Key";

    public static string Sign(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static bool Verify(byte[] body, string secret, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(body, secret)), Encoding.ASCII.GetBytes(header));
}
