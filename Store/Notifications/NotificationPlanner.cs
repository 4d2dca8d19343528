using System.Globalization;
using System.Text.Json;
using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Store.Persistence.Records;

namespace WorkflowEngine.Store.Notifications;

/// <summary>
/// Turns work signals into outbox rows: one per person told and channel configured — an e-mail to each holder of the
/// post who has an address, a webhook call per holder — with the Chinese text the handler reads.
/// </summary>
public sealed class NotificationPlanner(NotificationOptions options, INotificationDirectory directory)
{
    public bool Enabled => options.AnyChannel;

    public IReadOnlyList<NotificationRecord> Plan(IReadOnlyList<WorkSignal> signals, DateTimeOffset now)
    {
        var rows = new List<NotificationRecord>();
        if (!Enabled) return rows;
        foreach (var signal in signals)
        {
            var people = signal.UserId is { } only ? [only] : directory.Holders(signal.Role).Select(m => m.Id).Distinct().ToList();
            foreach (var userId in people)
            {
                var (subject, body) = Text(signal);
                var email = directory.EmailOf(userId);
                if (options.Smtp.Enabled && !string.IsNullOrWhiteSpace(email))
                    rows.Add(Row(signal, userId, NotificationChannels.Email, email, subject, body, now));
                if (options.Webhook.Enabled)
                    rows.Add(Row(signal, userId, NotificationChannels.Webhook, email, subject, body, now));
            }
        }
        return rows;
    }

    private NotificationRecord Row(WorkSignal s, string userId, string channel, string? email, string subject, string body, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now).ToString("N");
        var payload = JsonSerializer.Serialize(new
        {
            id, kind = s.Kind, createdAt = Instant(now), caseId = s.CaseId, caseNo = s.CaseNo, caseTitle = s.CaseTitle, definitionId = s.DefinitionId,
            taskId = s.TaskId, stepName = s.StepName, post = s.Role, postName = directory.PostName(s.Role),
            user = new { id = userId, name = directory.NameOf(userId), email }, dueAt = s.DueAt is { } d ? Instant(d) : null, subject, text = body,
        });
        return new NotificationRecord
        {
            Id = id, Kind = s.Kind, Channel = channel, UserId = userId, Recipient = channel == NotificationChannels.Email ? email : null,
            CaseId = s.CaseId, TaskId = s.TaskId, Subject = subject, Body = body, PayloadJson = payload, CreatedAt = now,
        };
    }

    /// <summary>The subject and text an official reads, in Chinese.</summary>
    public (string Subject, string Body) Text(WorkSignal s)
    {
        var step = s.StepName is { Length: > 0 } name ? $"“{name}”环节" : "案件";
        var due = s.DueAt is { } d ? Local(d) : "";
        var post = directory.PostName(s.Role);
        return s.Kind switch
        {
            WorkSignalKinds.Arrived => ($"【新待办】{s.CaseNo} {s.CaseTitle}",
                $"案件 {s.CaseNo}（{s.CaseTitle}）已进入{step}，由{post}办理，请及时处理。{(due.Length > 0 ? $"办理时限至 {due}。" : "")}"),
            WorkSignalKinds.Yellow => ($"【黄牌预警】{s.CaseNo} {s.CaseTitle}",
                $"案件 {s.CaseNo}（{s.CaseTitle}）{step}的办理时限将于 {due} 届满，请抓紧办理。"),
            WorkSignalKinds.Red => ($"【红牌】{s.CaseNo} {s.CaseTitle}",
                $"案件 {s.CaseNo}（{s.CaseTitle}）{step}已超过办理时限（{due} 届满），请立即办理。"),
            WorkSignalKinds.Urged => ($"【督办】{s.CaseNo} {s.CaseTitle}",
                $"案件 {s.CaseNo}（{s.CaseTitle}）{step}被督办：{s.Message ?? "请尽快办理。"}"),
            _ => ($"【通知】{s.CaseNo} {s.CaseTitle}", s.Message ?? $"案件 {s.CaseNo}（{s.CaseTitle}）{step}有新情况。"),
        };
    }

    private static string Local(DateTimeOffset instant) =>
        instant.ToOffset(WorkCalendar.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset instant) =>
        instant.ToOffset(WorkCalendar.ChinaOffset).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
}
