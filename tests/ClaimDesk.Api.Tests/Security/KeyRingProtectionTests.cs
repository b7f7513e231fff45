using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using ClaimDesk.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StandardWebhooks;

namespace ClaimDesk.Api.Tests.Security;

/// <summary>
/// The Data Protection key ring encrypts the webhook signing secrets and is stored in the same database: a configured
/// certificate encrypts it there; without one, the desk says so once at start-up.
/// </summary>
[Collection(RestartCollection.Name)]
public sealed class KeyRingProtectionTests : IDisposable
{
    private const string Password = "key-ring-test-password";
    private readonly string _directory = RestartableDesk.NewDirectory();

    [Fact]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_a_restarted_desk_still_signs_for_older_subscriptions()
    {
        var certificate = CreateCertificate();
        await using var receiver = await LocalReceiver.StartAsync();
        long subscription;
        string secret;
        await using (var desk = new LoggingDesk(_directory, CertificateSettings))
        {
            (subscription, secret) = await SubscribeAsync(desk, receiver);
            await RegisterClaimAndVerifyDeliveryAsync(desk, receiver, secret);

            var stored = StoredKeys();
            Assert.NotEmpty(stored);
            Assert.All(stored, xml =>
            {
                Assert.DoesNotContain("<masterKey", xml);
                Assert.Contains("encryptedSecret", xml);
            });
            Assert.Contains(desk.Logs, line => line.Contains("encrypted with the certificate") && line.Contains(certificate.Thumbprint));
            Assert.DoesNotContain(desk.Logs, line => line.Contains("stored unencrypted"));
        }

        // A new process with the same certificate decrypts the key made before and signs for the subscription made before.
        await using var restarted = new LoggingDesk(_directory, CertificateSettings);
        await RegisterClaimAndVerifyDeliveryAsync(restarted, receiver, secret);
        Assert.Contains(restarted.Logs, line => line.Contains("encrypted with the certificate"));
        Assert.DoesNotContain(restarted.Logs, line => line.Contains("Created a Data Protection key")); // its key is still current
        var deliveries = await restarted.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{subscription}/deliveries");
        Assert.Equal(2, deliveries.GetProperty("items").EnumerateArray().Count(d => d.GetProperty("outcome").GetString() == "delivered"));
    }

    [Fact]
    public async Task Without_a_certificate_the_desk_works_and_warns_once_saying_what_to_do()
    {
        await using var receiver = await LocalReceiver.StartAsync();
        await using var desk = new LoggingDesk(_directory, PrivateNetworkDesk.Settings);
        var (_, secret) = await SubscribeAsync(desk, receiver);
        await RegisterClaimAndVerifyDeliveryAsync(desk, receiver, secret);

        // The key the secret was protected with is stored by now, in the clear: the framework's own warning for it would have fired.
        Assert.Contains(StoredKeys(), xml => xml.Contains("<masterKey"));
        var warning = Assert.Single(desk.Logs, line => line.Contains("Data Protection keys are stored unencrypted"));
        Assert.Contains("ClaimDesk:DataProtection:CertificatePath", warning);
        Assert.DoesNotContain(desk.Logs, line => line.Contains("No XML encryptor configured"));
    }

    [Fact]
    public async Task A_desk_that_ran_without_a_certificate_adds_an_encrypted_key_and_keeps_signing_for_older_subscriptions()
    {
        await using var receiver = await LocalReceiver.StartAsync();
        string earlierSecret;
        await using (var unprotected = new LoggingDesk(_directory, PrivateNetworkDesk.Settings))
            (_, earlierSecret) = await SubscribeAsync(unprotected, receiver);
        Assert.All(StoredKeys(), xml => Assert.Contains("<masterKey", xml));

        CreateCertificate();
        await using var desk = new LoggingDesk(_directory, CertificateSettings);
        var (_, laterSecret) = await SubscribeAsync(desk, receiver);
        // An encrypted key joins the ring at start-up, to take over from the plaintext one (Data Protection makes a new
        // key the default once every node has had two days to learn it).
        Assert.Single(StoredKeys(), xml => xml.Contains("encryptedSecret"));
        Assert.Contains(desk.Logs, line => line.Contains("Created a Data Protection key encrypted"));
        // Both the secret made under the old key and the one made under the new key still sign.
        var story = Stories.Unique();
        var claim = await desk.Admin.RegisterClaimAsync((await desk.Admin.RegisterOwnArticleAsync(body: story.Article)).Id(), story.Claim);
        var received = await Eventually.SignalAsync(() => Task.FromResult(receiver.Requests.ToList()),
            r => r.Count(x => x.Body.Contains($"\"claimId\":{claim.Id()}")) >= 2, "deliveries to both subscriptions");
        var mine = received.Where(x => x.Body.Contains($"\"claimId\":{claim.Id()}")).ToList();
        Assert.Contains(mine, r => Verifies(earlierSecret, r));
        Assert.Contains(mine, r => Verifies(laterSecret, r));
    }

    [Fact]
    public async Task A_rotated_certificate_encrypts_new_keys_while_the_previous_one_still_opens_older_secrets()
    {
        var first = CreateCertificate();
        await using var receiver = await LocalReceiver.StartAsync();
        string olderSecret;
        await using (var desk = new LoggingDesk(_directory, CertificateSettings))
            (_, olderSecret) = await SubscribeAsync(desk, receiver);

        var previousPath = Path.Combine(_directory, "previous-key-ring.pfx");
        File.Move(CertificatePath, previousPath);
        var second = CreateCertificate();
        await using var rotated = new LoggingDesk(_directory,
        [
            .. CertificateSettings,
            Setting("ClaimDesk:DataProtection:PreviousCertificates:0:Path", previousPath),
            Setting("ClaimDesk:DataProtection:PreviousCertificates:0:Password", Password),
        ]);
        await RegisterClaimAndVerifyDeliveryAsync(rotated, receiver, olderSecret);

        var stored = StoredKeys();
        Assert.Contains(stored, xml => xml.Contains(Convert.ToBase64String(first.RawData)));
        Assert.Contains(stored, xml => xml.Contains(Convert.ToBase64String(second.RawData)));
        Assert.All(stored, xml => Assert.DoesNotContain("<masterKey", xml));
    }

    [Fact]
    public void A_certificate_that_cannot_be_loaded_stops_the_start_with_a_clear_message()
    {
        var certificate = CreateCertificate();
        var missing = Path.Combine(_directory, "nowhere.pfx");
        using (var desk = new LoggingDesk(_directory, Setting("ClaimDesk:DataProtection:CertificatePath", missing)))
            Assert.Contains($"ClaimDesk:DataProtection:CertificatePath: no file at '{missing}'", Assert.ThrowsAny<Exception>(() => desk.Server).ToString());

        using (var desk = new LoggingDesk(_directory, Setting("ClaimDesk:DataProtection:CertificatePath", CertificatePath),
                   Setting("ClaimDesk:DataProtection:CertificatePassword", "not-the-password")))
            Assert.Contains("ClaimDesk:DataProtection:CertificatePassword", Assert.ThrowsAny<Exception>(() => desk.Server).ToString());

        // The public part alone could encrypt keys but never decrypt them again.
        var publicOnly = Path.Combine(_directory, "public-only.pfx");
        using var noPrivateKey = X509CertificateLoader.LoadCertificate(certificate.RawData);
        File.WriteAllBytes(publicOnly, noPrivateKey.Export(X509ContentType.Pkcs12, Password));
        using (var desk = new LoggingDesk(_directory, Setting("ClaimDesk:DataProtection:CertificatePath", publicOnly),
                   Setting("ClaimDesk:DataProtection:CertificatePassword", Password)))
            Assert.Contains("has no private key", Assert.ThrowsAny<Exception>(() => desk.Server).ToString());
    }

    private string CertificatePath => Path.Combine(_directory, "claimdesk-key-ring.pfx");

    /// <summary>A self-signed RSA certificate written as a password-protected PKCS#12 file, as an operator would make one.</summary>
    private X509Certificate2 CreateCertificate()
    {
        Directory.CreateDirectory(_directory);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=ClaimDesk key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(CertificatePath, certificate.Export(X509ContentType.Pkcs12, Password));
        return certificate;
    }

    private KeyValuePair<string, string>[] CertificateSettings =>
    [
        .. PrivateNetworkDesk.Settings,
        Setting("ClaimDesk:DataProtection:CertificatePath", CertificatePath),
        Setting("ClaimDesk:DataProtection:CertificatePassword", Password),
    ];

    private static KeyValuePair<string, string> Setting(string key, string value) => new(key, value);

    /// <summary>The key XML exactly as stored in the DataProtectionKeys table.</summary>
    private List<string> StoredKeys()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "claimdesk.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Xml FROM DataProtectionKeys";
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.GetString(0));
        return values;
    }

    private static async Task<(long Id, string Secret)> SubscribeAsync(ClaimDeskApiFactory desk, LocalReceiver receiver)
    {
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/webhooks",
            new { url = receiver.Url("/hook").ToString(), events = new[] { "claim.registered" }, description = "key ring test" });
        await response.ShouldBe(HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("subscription").GetProperty("id").GetInt64(), created.GetProperty("secret").GetString()!);
    }

    /// <summary>Signing unprotects the stored secret: a delivery that verifies with the secret shown at creation is the round trip.</summary>
    private static async Task RegisterClaimAndVerifyDeliveryAsync(ClaimDeskApiFactory desk, LocalReceiver receiver, string secret)
    {
        var story = Stories.Unique();
        var claim = await desk.Admin.RegisterClaimAsync((await desk.Admin.RegisterOwnArticleAsync(body: story.Article)).Id(), story.Claim);
        var received = await Eventually.SignalAsync(() => Task.FromResult(receiver.Requests.ToList()),
            r => r.Any(x => x.Body.Contains($"\"claimId\":{claim.Id()}")), "the claim's signed delivery");
        Assert.True(Verifies(secret, received.Single(x => x.Body.Contains($"\"claimId\":{claim.Id()}"))));
    }

    private static bool Verifies(string secret, LocalReceiver.Received request)
    {
        try
        {
            new StandardWebhook(secret).Verify(request.Body, request.Headers);
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>A desk on the test's folder, every log line captured, allowed to deliver to a local receiver.</summary>
    private sealed class LoggingDesk(string directory, params KeyValuePair<string, string>[] settings) : ClaimDeskApiFactory(directory)
    {
        public ConcurrentQueue<string> Logs { get; } = new();

        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => settings;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(new PrivateNetworkDesk.CapturingLoggerProvider(Logs))));
        }
    }
}
