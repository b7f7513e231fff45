namespace ClaimDesk.Api.Infrastructure;

/// <summary>The image's own health check: the runtime image has no curl, and the app can ask itself.</summary>
public static class HealthProbe
{
    public static async Task<int> RunAsync(string url)
    {
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            using var response = await client.GetAsync(url);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            return 1;
        }
    }
}
