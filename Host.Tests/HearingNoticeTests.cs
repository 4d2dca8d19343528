using System.Net;
using WorkflowEngine.Host.Tests.Support;
using WorkflowEngine.Store.Documents;

namespace WorkflowEngine.Host.Tests;

/// <summary>The 听证权利告知书 states the last day to ask for a hearing: the deadline of the step its action leads to.</summary>
public class HearingNoticeTests
{
    [Test]
    public async Task The_hearing_notice_names_the_last_day_to_ask_for_a_hearing()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var clerk = await host.LoginAsync("window");
        var view = await clerk.StartLicensingCase();
        (await clerk.Post($"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/actions/accept", new { data = new { materials = Api.AllMaterials } }))
            .Status.Should().Be(HttpStatusCode.OK);
        var reviewer = await host.LoginAsync("reviewer");
        view = (await reviewer.Get($"/api/cases/{view.Id()}")).Body;
        var done = await reviewer.Post($"/api/cases/{view.Id()}/tasks/{view.Task("review")}/actions/hearing-right",
            new { data = new { pauseNotice = "已书面告知听证所需时间不计入期限" }, opinion = "涉及相邻单位重大利益" });
        done.Status.Should().Be(HttpStatusCode.OK, done.Body.ToString());

        var document = (await reviewer.Get($"/api/cases/{view.Id()}/files")).Body.GetProperty("documents").EnumerateArray()
            .Single(d => d.GetProperty("kind").GetString() == "hearing-notice");
        var text = DocxTemplate.PlainText(await reviewer.GetByteArrayAsync($"/api/cases/{view.Id()}/documents/{document.GetProperty("id").GetString()}"));
        text.Should().Contain("请于2026年3月9日前向本机关提出", "5 working days from Monday 03-02 (行政许可法第四十七条)")
            .And.Contain("第四十七条").And.Contain("卫许听字〔2026〕第1号").And.NotContain("涉及相邻单位");
    }
}
