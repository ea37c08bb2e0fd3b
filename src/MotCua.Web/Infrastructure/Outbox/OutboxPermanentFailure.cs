namespace MotCua.Web.Infrastructure.Outbox;

/// <summary>Thrown by a handler when retrying cannot help (the receiver refused the content): the message is parked at once.</summary>
public sealed class OutboxPermanentFailure(string message) : Exception(message);
