using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Server.Auth;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Store.Persistence.Records;

namespace WorkflowEngine.Server.Api;

public sealed record ReportDepartmentDto(string Id, string Name);
public sealed record RiskLevelCountDto(int Level, string LevelName, int Recorded, int Blocked);

/// <summary>A department's month on one page: its cases received, closed and closed on time, red cards, risk events by level.</summary>
public sealed record MonthlyReportDto(
    string Month, string DepartmentId, string DepartmentName, int Received, int Closed, int OnTime, double? OnTimeRate, int RedCards,
    IReadOnlyList<RiskLevelCountDto> RiskEvents, DateTimeOffset GeneratedAt);

/// <summary>
/// The monthly report (月度督办报告) per department. A case counts for a department when one of its members started it or acted
/// on it; on time means no limit of the case or of a step went red (the case's late_at, DeadlineStanding.WentRedAt); red
/// cards are those raised in the month on its cases; risk events are those of its members in the month. Supervisors and
/// administrators read any department's; the head and the 分管领导 of a department read their own (403 otherwise).
/// </summary>
public static class ReportEndpoints
{
    public static void MapReports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports").WithTags("Reports");

        group.MapGet("/departments", async (ClaimsPrincipal user, IDbContextFactory<WorkflowDbContext> dbFactory, CancellationToken ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return Results.Ok(await ReadableDepartmentsAsync(db, user.ToActor(), ct));
        }).Produces<IReadOnlyList<ReportDepartmentDto>>();

        group.MapGet("/monthly", async (string? month, string? department, ClaimsPrincipal user, IDbContextFactory<WorkflowDbContext> dbFactory,
            TimeProvider clock, CancellationToken ct) =>
        {
            if (string.IsNullOrEmpty(month) || !DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
                || first.Year is < 1901 or > 2100)
                return Problems.BadRequest("month 应为 1901 至 2100 年间的月份 yyyy-MM，如 2026-03。");
            if (string.IsNullOrEmpty(department)) return Problems.BadRequest("请指定科室 department。");
            var viewer = user.ToActor();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var record = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == department, ct);
            var mayRead = CaseScope.SeesEverything(viewer) || (record is not null && (record.HeadUserId == viewer.Id || record.LeaderUserId == viewer.Id));
            if (!mayRead) return Problems.Forbidden("月度报告仅供监督人员、系统管理员及本科室负责人、分管领导查阅。");
            if (record is null) return Problems.NotFound($"科室“{department}”不存在。");

            var start = new DateTimeOffset(first.Year, first.Month, 1, 0, 0, 0, WorkCalendar.ChinaOffset);
            var end = start.AddMonths(1);
            var members = db.Users.Where(u => u.DepartmentId == department).Select(u => u.Id);
            var cases = db.Cases.AsNoTracking()
                .Where(c => members.Contains(c.StartedBy) || db.History.Any(h => h.CaseId == c.Id && members.Contains(h.ActorId)));
            var received = await cases.CountAsync(c => c.StartedAt >= start && c.StartedAt < end, ct);
            var closed = await cases.CountAsync(c => c.ClosedAt >= start && c.ClosedAt < end, ct);
            var onTime = await cases.CountAsync(c => c.ClosedAt >= start && c.ClosedAt < end && c.LateAt == null, ct);
            var redCards = await db.Alerts.AsNoTracking()
                .CountAsync(a => a.Level == "red" && a.RaisedAt >= start && a.RaisedAt < end && cases.Any(c => c.Id == a.CaseId), ct);
            var risks = await db.RiskEvents.AsNoTracking().Where(r => r.At >= start && r.At < end && members.Contains(r.ActorId))
                .GroupBy(r => new { r.Level, r.Outcome }).Select(g => new { g.Key.Level, g.Key.Outcome, Count = g.Count() }).ToListAsync(ct);
            var levels = new[] { 1, 2, 3 }.Union(risks.Select(r => r.Level)).Order()
                .Select(l => new RiskLevelCountDto(l, RiskPoint.NameOfLevel(l),
                    risks.Where(r => r.Level == l && r.Outcome != RiskOutcomes.Blocked).Sum(r => r.Count),
                    risks.Where(r => r.Level == l && r.Outcome == RiskOutcomes.Blocked).Sum(r => r.Count))).ToList();
            return Results.Ok(new MonthlyReportDto(month, record.Id, record.Name, received, closed, onTime,
                closed == 0 ? null : Math.Round((double)onTime / closed, 4), redCards, levels, clock.GetUtcNow()));
        }).Produces<MonthlyReportDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The departments whose monthly report the viewer may read: all for supervisors and administrators, else those they head or lead.</summary>
    public static async Task<List<ReportDepartmentDto>> ReadableDepartmentsAsync(WorkflowDbContext db, Engine.Cases.Actor viewer, CancellationToken ct)
    {
        var departments = db.Departments.AsNoTracking();
        if (!CaseScope.SeesEverything(viewer)) departments = departments.Where(d => d.HeadUserId == viewer.Id || d.LeaderUserId == viewer.Id);
        return (await departments.OrderBy(d => d.Id).ToListAsync(ct)).Select(d => new ReportDepartmentDto(d.Id, d.Name)).ToList();
    }
}
