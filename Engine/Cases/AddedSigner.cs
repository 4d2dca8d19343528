namespace WorkflowEngine.Engine.Cases;

/// <summary>Where an added signer (加签人) signs: before the holder may act, or after the holder acted and before the case moves on.</summary>
public enum SignerPosition { Before, After }

/// <summary>A signer added to an open task who has not signed yet.</summary>
public sealed record AddedSigner(string UserId, string Name, SignerPosition Position, string Reason, string AddedBy, DateTimeOffset AddedAt);
