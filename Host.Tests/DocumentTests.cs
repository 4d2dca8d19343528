using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using WorkflowEngine.Host.Tests.Support;
using WorkflowEngine.Server.Cli;
using WorkflowEngine.Store.Documents;

namespace WorkflowEngine.Host.Tests;

/// <summary>
/// Documents an agency issues are records: its settings and 文号, its own Word templates, the filled .docx stored with its
/// hash in the case history, numbers that never repeat or skip, material files on file, and a dossier that verifies offline.
/// </summary>
public class DocumentTests
{
    private static readonly object Agency = new
    {
        fullName = "湘南市卫生健康委员会", shortName = "湘南市卫健委", address = "湘南市政务服务中心二楼 12 号窗口", telephone = "0735-2888888",
        reconsiderationBody = "湘南市人民政府", court = "湘南市北湖区人民法院",
        numberPatterns = new Dictionary<string, string>
        {
            ["correction-notice"] = "湘南卫许补字〔{year}〕第{n}号", ["acceptance-notice"] = "湘南卫许受字〔{year}〕第{n}号",
            ["refusal-decision"] = "湘南卫许不受字〔{year}〕第{n}号",
        },
        correctionWorkingDays = 5, maxUploadBytes = 64 * 1024, allowedUploadExtensions = new[] { ".pdf", ".jpg", ".png" },
    };

    [Test]
    public async Task A_correction_notice_names_the_agency_its_number_the_materials_in_chinese_and_keeps_the_opinion_internal()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var admin = await host.LoginAsync("admin");
        (await admin.Put("/api/agency-settings", Agency)).Status.Should().Be(HttpStatusCode.OK);
        var clerk = await host.LoginAsync("window");
        var view = await StartAsync(clerk);
        var done = await clerk.Post($"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/actions/request-correction", new
        {
            data = new { materials = new[] { "application", "identity" }, missingItems = new[] { "qualification", "premises" }, correctionRequirements = "请提交加盖公章的复印件" },
            opinion = "内部意见：申请人多次来电",
        });
        done.Status.Should().Be(HttpStatusCode.OK, done.Body.ToString());

        var files = (await clerk.Get($"/api/cases/{view.Id()}/files")).Body;
        var document = files.GetProperty("documents").EnumerateArray().Single();
        document.GetProperty("kind").GetString().Should().Be("correction-notice");
        document.GetProperty("number").GetString().Should().Be("湘南卫许补字〔2026〕第1号");
        var bytes = await clerk.GetByteArrayAsync($"/api/cases/{view.Id()}/documents/{document.GetProperty("id").GetString()}");
        var text = DocxTemplate.PlainText(bytes);
        text.Should().Contain("湘南市卫生健康委员会").And.Contain("湘南卫许补字〔2026〕第1号").And.Contain("康宁妇产医院")
            .And.Contain("1. 相关专业技术人员资格证书、执业证书").And.Contain("2. 场地、设备配备情况说明")
            .And.Contain("2026年2月27日", "the 收件日期 is the case field, not the day the clerk entered it")
            .And.Contain("补正要求：请提交加盖公章的复印件").And.Contain("请于2026年3月9日前", "5 working days from Monday 2026-03-02")
            .And.Contain("湘南市政务服务中心二楼 12 号窗口").And.Contain("0735-2888888").And.Contain("第三十二条第一款第（四）项");
        text.Should().NotContain("内部意见").And.NotContain("qualification").And.NotContain("{{").And.NotContain("卫生和计划生育");

        var history = (await clerk.Get($"/api/cases/{view.Id()}/history")).Body.EnumerateArray().ToList();
        var issued = history.Single(h => h.GetProperty("type").GetString() == "document-issued").GetProperty("data");
        issued.GetProperty("sha256").GetString().Should().Be(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        issued.GetProperty("number").GetString().Should().Be("湘南卫许补字〔2026〕第1号");
        issued.GetProperty("version").GetInt32().Should().Be(1);
        (await clerk.Get($"/api/cases/{view.Id()}/history/verify")).Body.GetProperty("valid").GetBoolean().Should().BeTrue();
    }

    [Test]
    public async Task A_refusal_needs_its_specific_ground_and_tells_the_applicant_where_to_seek_review_and_sue()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        (await (await host.LoginAsync("admin")).Put("/api/agency-settings", Agency)).Status.Should().Be(HttpStatusCode.OK);
        var clerk = await host.LoginAsync("window");
        var view = await StartAsync(clerk);
        var url = $"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/actions/refuse";
        var missing = await clerk.Post(url, new { data = new { }, opinion = "不属于本机关职权" });
        missing.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        missing.Detail.Should().Contain("不予受理的具体理由");
        (await clerk.Post(url, new { data = new { refusalGround = "申请事项依法不需要取得行政许可。" }, opinion = "不予受理" })).Status.Should().Be(HttpStatusCode.OK);

        var document = (await clerk.Get($"/api/cases/{view.Id()}/files")).Body.GetProperty("documents").EnumerateArray().Single();
        var text = DocxTemplate.PlainText(await clerk.GetByteArrayAsync($"/api/cases/{view.Id()}/documents/{document.GetProperty("id").GetString()}"));
        text.Should().Contain("湘南卫许不受字〔2026〕第1号").And.Contain("申请事项依法不需要取得行政许可。")
            .And.Contain("向湘南市人民政府申请行政复议").And.Contain("向湘南市北湖区人民法院提起行政诉讼")
            .And.Contain("六十日内（即2026年5月6日前", "60 days end on 05-01, in the May Day holiday: the last day rolls over to 05-06").And.Contain("六个月内（即2026年9月2日前")
            .And.Contain("《中华人民共和国行政复议法》第二十条").And.Contain("《中华人民共和国行政诉讼法》第四十六条");
    }

    [Test]
    public async Task An_agency_template_is_checked_on_upload_and_used_even_where_word_split_a_placeholder()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var admin = await host.LoginAsync("admin");
        var list = (await admin.Get("/api/document-templates")).Body;
        list.GetProperty("templates").EnumerateArray().Select(t => t.GetProperty("name").GetString()).Should().Equal(
            "补正材料一次性告知书", "受理通知书", "不予受理决定书", "延长办理期限告知书", "听证权利告知书", "准予行政许可决定书", "不予行政许可决定书",
            "行政复议补正通知书", "行政复议受理通知书", "行政复议不予受理决定书", "行政复议答复书", "行政复议决定书");
        list.GetProperty("placeholders").TryGetProperty("agency.court", out _).Should().BeTrue();
        list.GetProperty("placeholders").TryGetProperty("agency.seal", out _).Should().BeTrue();
        var original = await admin.GetByteArrayAsync("/api/document-templates/acceptance-notice");

        var unknown = await admin.PutFile("/api/document-templates/acceptance-notice", WordFiles.WithParagraph(original, 4, "{{", "case.", "applicnt", "}}"), "t.docx");
        unknown.Status.Should().Be(HttpStatusCode.BadRequest);
        unknown.Detail.Should().Contain("{{case.applicnt}}");
        var notWord = await admin.PutFile("/api/document-templates/acceptance-notice", "not a word file"u8.ToArray(), "t.docx");
        notWord.Status.Should().Be(HttpStatusCode.UnsupportedMediaType);
        notWord.Detail.Should().Contain(".docx");
        (await admin.Get("/api/document-templates")).Body.GetProperty("templates").EnumerateArray()
            .Should().OnlyContain(t => !t.GetProperty("custom").GetBoolean(), "a refused upload changes nothing");

        var own = WordFiles.WithParagraph(original, 4, "本机关专用：", "{{ca", "se.appli", "cant}}", " 收件于 {{case.", "receivedOn}}");
        (await admin.PutFile("/api/document-templates/acceptance-notice", own, "受理通知书.docx")).Status.Should().Be(HttpStatusCode.NoContent);

        var clerk = await host.LoginAsync("window");
        var view = await StartAsync(clerk);
        (await clerk.Post($"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/actions/accept", new { data = new { materials = Api.AllMaterials } }))
            .Status.Should().Be(HttpStatusCode.OK);
        var document = (await clerk.Get($"/api/cases/{view.Id()}/files")).Body.GetProperty("documents").EnumerateArray().Single();
        var text = DocxTemplate.PlainText(await clerk.GetByteArrayAsync($"/api/cases/{view.Id()}/documents/{document.GetProperty("id").GetString()}"));
        text.Should().Contain("本机关专用：康宁妇产医院 收件于 2026年2月27日").And.Contain("卫许受字〔2026〕第1号")
            .And.Contain("第三十二条第一款第（五）项").And.Contain("本机关将于2026年3月30日前作出行政许可决定");

        (await admin.Post($"/api/cases/{view.Id()}/documents/acceptance-notice/1/reissue", null)).Status.Should().Be(HttpStatusCode.OK);
        var versions = (await clerk.Get($"/api/cases/{view.Id()}/files")).Body.GetProperty("documents").EnumerateArray().ToList();
        versions.Select(v => v.GetProperty("version").GetInt32()).Should().Equal(1, 2);
        versions.Select(v => v.GetProperty("number").GetString()).Should().Equal("卫许受字〔2026〕第1号", "卫许受字〔2026〕第2号");
    }

    [TestCase(TestDatabase.Sqlite)]
    [TestCase(TestDatabase.Postgres)]
    public async Task Numbers_issued_at_once_run_from_1_to_n_without_gaps_or_repeats(string provider)
    {
        const int n = 16;
        var db = WorkflowHost.NewDatabase(provider);
        await using var a = new WorkflowHost(db);
        // On PostgreSQL a second node issues half of them through its own write connection.
        await using var b = provider == TestDatabase.Postgres ? new WorkflowHost(db) : null;
        var clerkA = await a.LoginAsync("window");
        var clerkB = b is null ? clerkA : await b.LoginAsync("window");
        var views = new List<JsonElement>();
        for (var i = 0; i < n; i++) views.Add(await clerkA.StartLicensingCase());
        var replies = await Task.WhenAll(views.Select((v, i) => (i % 2 == 0 ? clerkA : clerkB).Post(
            $"/api/cases/{v.Id()}/tasks/{v.Task("intake")}/actions/accept", new { data = new { materials = Api.AllMaterials } })));
        replies.Should().OnlyContain(r => r.Status == HttpStatusCode.OK);
        var numbers = new List<string>();
        foreach (var v in views)
            numbers.Add((await clerkA.Get($"/api/cases/{v.Id()}/files")).Body.GetProperty("documents")[0].GetProperty("number").GetString()!);
        numbers.Should().BeEquivalentTo(Enumerable.Range(1, n).Select(i => $"卫许受字〔2026〕第{i}号"));
    }

    [Test]
    public async Task Material_files_are_kept_by_hash_with_limits_and_the_dossier_verifies_until_a_file_is_changed()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        (await (await host.LoginAsync("admin")).Put("/api/agency-settings", Agency)).Status.Should().Be(HttpStatusCode.OK);
        var clerk = await host.LoginAsync("window");
        var view = await StartAsync(clerk);
        var url = $"/api/cases/{view.Id()}/materials/application/files";
        var pdf = "%PDF-1.4 申请书"u8.ToArray();
        var uploaded = await clerk.PostFile(url, pdf, "申请书.pdf");
        uploaded.Status.Should().Be(HttpStatusCode.Created, uploaded.Body.ToString());

        var tooBig = await clerk.PostFile(url, new byte[65 * 1024], "大文件.pdf");
        tooBig.Status.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        tooBig.Detail.Should().Contain("超过上限");
        var wrongType = await clerk.PostFile(url, pdf, "程序.exe");
        wrongType.Status.Should().Be(HttpStatusCode.UnsupportedMediaType);
        wrongType.Detail.Should().Contain(".exe");
        (await clerk.PostFile($"/api/cases/{view.Id()}/materials/no-such/files", pdf, "a.pdf")).Status.Should().Be(HttpStatusCode.NotFound);
        var supervisor = await host.LoginAsync("supervisor");
        (await supervisor.PostFile(url, pdf, "a.pdf")).Status.Should().Be(HttpStatusCode.Forbidden,
            "a supervisor sees the case but does not work on it");
        (await supervisor.Get($"/api/cases/{view.Id()}")).Body.GetProperty("outlook").GetProperty("uploadMaterials").GetProperty("allowed").GetBoolean()
            .Should().BeFalse("the outlook says what the route applies");
        view.GetProperty("outlook").GetProperty("uploadMaterials").GetProperty("allowed").GetBoolean().Should().BeTrue("the clerk holds the intake post");

        var files = (await clerk.Get($"/api/cases/{view.Id()}/files")).Body.GetProperty("materials").EnumerateArray().ToList();
        files.Should().ContainSingle("the refused uploads changed nothing");
        files[0].GetProperty("materialName").GetString().Should().Be("许可申请书（申请表）");
        files[0].GetProperty("uploadedByName").GetString().Should().NotBeNullOrEmpty();
        files[0].GetProperty("sha256").GetString().Should().Be(Convert.ToHexStringLower(SHA256.HashData(pdf)));
        (await clerk.GetByteArrayAsync($"/api/cases/{view.Id()}/materials/files/{files[0].GetProperty("id").GetString()}")).Should().Equal(pdf);
        var history = (await clerk.Get($"/api/cases/{view.Id()}/history")).Body.EnumerateArray();
        history.Should().ContainSingle(h => h.GetProperty("type").GetString() == "material-attached");

        (await clerk.Post($"/api/cases/{view.Id()}/tasks/{view.Task("intake")}/actions/accept", new { data = new { materials = Api.AllMaterials } }))
            .Status.Should().Be(HttpStatusCode.OK);
        var zip = await clerk.GetByteArrayAsync($"/api/cases/{view.Id()}/dossier");
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "dossiers", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var good = Path.Combine(folder, "good.zip");
        await File.WriteAllBytesAsync(good, zip);
        using (var archive = new ZipArchive(new MemoryStream(zip)))
        {
            archive.Entries.Select(e => e.FullName).Should().Contain(["summary.json", "history.json", "manifest.json", "verification.txt"]);
            archive.Entries.Should().Contain(e => e.FullName.StartsWith("documents/acceptance-notice-1-v1-", StringComparison.Ordinal));
            archive.Entries.Should().Contain(e => e.FullName.StartsWith("materials/application/", StringComparison.Ordinal));
        }
        var output = new StringWriter();
        VerifyDossierVerb.Run([good], output, TextWriter.Null).Should().Be(0, output.ToString());

        var tampered = Path.Combine(folder, "tampered.zip");
        File.Copy(good, tampered);
        string changed;
        using (var archive = ZipFile.Open(tampered, ZipArchiveMode.Update))
        {
            var entry = archive.Entries.First(e => e.FullName.StartsWith("materials/", StringComparison.Ordinal));
            changed = entry.FullName;
            entry.Delete();
            using var stream = archive.CreateEntry(changed).Open();
            stream.Write("%PDF-1.4 改过的申请书"u8);
        }
        output = new StringWriter();
        VerifyDossierVerb.Run([tampered], output, TextWriter.Null).Should().Be(1);
        output.ToString().Should().Contain(changed).And.Contain("已被改动");
    }

    [Test]
    public async Task Settings_are_checked_before_they_are_stored_and_the_seal_must_be_an_image()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var admin = await host.LoginAsync("admin");
        var before = (await admin.Get("/api/agency-settings")).Body.ToString();
        var noCounter = await admin.Put("/api/agency-settings", new
        {
            fullName = "湘南市卫生健康委员会", shortName = "湘南市卫健委", address = "地址", telephone = "电话", reconsiderationBody = "湘南市人民政府",
            court = "湘南市北湖区人民法院", numberPatterns = new Dictionary<string, string> { ["acceptance-notice"] = "湘南卫许受字〔{year}〕号" },
        });
        noCounter.Status.Should().Be(HttpStatusCode.BadRequest);
        noCounter.Detail.Should().Be("“受理通知书”的文号格式有误：须含且只含一个 {n}（序号）。");
        var empty = await admin.Put("/api/agency-settings", new { fullName = "" });
        empty.Status.Should().Be(HttpStatusCode.BadRequest);
        empty.Detail.Should().Contain("机关全称");
        (await admin.Get("/api/agency-settings")).Body.ToString().Should().Be(before, "a refused change stores nothing");

        var notImage = await admin.PutFile("/api/agency-settings/seal", "GIF89a"u8.ToArray(), "seal.gif");
        notImage.Status.Should().Be(HttpStatusCode.UnsupportedMediaType);
        notImage.Detail.Should().Contain("PNG 或 JPEG");
        (await admin.PutFile("/api/agency-settings/seal", new byte[600 * 1024], "seal.png")).Status.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await admin.Get("/api/agency-settings/seal")).Status.Should().Be(HttpStatusCode.NotFound);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];
        (await admin.PutFile("/api/agency-settings/seal", png, "seal.png")).Status.Should().Be(HttpStatusCode.NoContent);
        (await admin.GetByteArrayAsync("/api/agency-settings/seal")).Should().Equal(png);
        (await admin.Get("/api/agency-settings")).Body.GetProperty("hasSeal").GetBoolean().Should().BeTrue();
    }

    private static async Task<JsonElement> StartAsync(HttpClient clerk)
    {
        var reply = await clerk.Post("/api/cases", new
        {
            definitionId = "licensing-approval",
            data = new { applicant = "康宁妇产医院", contact = "0735-2222222", item = "母婴保健技术服务机构执业许可", kind = "承诺件", receivedOn = "2026-02-27" },
        });
        reply.Status.Should().Be(HttpStatusCode.Created, reply.Body.ToString());
        return reply.Body;
    }
}
