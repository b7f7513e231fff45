namespace ClaimDesk.Api.Tests.Support;

/// <summary>
/// Short news items of our own, different in every call (people, places, things, numbers), so that the claims of one
/// test are not corroborated by another test's articles unless a test wants them to be.
/// </summary>
public static class Stories
{
    private static readonly string[] People = ["Amara Okafor", "Lars Lindqvist", "Mei Tanaka", "Diego Alvarez", "Noor Haddad", "Tomas Novak",
        "Ingrid Solberg", "Kwame Mensah", "Priya Raman", "Felix Brandt", "Aiko Mori", "Ravi Desai", "Elena Petrova", "Jonas Weber"];
    private static readonly string[] Places = ["Tromsø", "Valparaíso", "Kumasi", "Gdańsk", "Nagoya", "Córdoba", "Aarhus", "Mombasa",
        "Salzburg", "Chiang Mai", "Porto", "Halifax", "Tartu", "Cusco"];
    private static readonly string[] Acts = ["opened a ferry terminal", "closed a coal mine", "planted an orchard", "launched a satellite",
        "rebuilt a stone bridge", "banned plastic bags", "restored a cathedral organ", "signed a fishing treaty", "inaugurated a tram line",
        "discovered a shipwreck", "recalled contaminated cheese", "hosted a chess olympiad", "drained a flooded quarry", "licensed a wind farm"];
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"];

    public sealed record Story(string Claim, string Article, string Person, string Place, string Act);

    public static Story Unique()
    {
        var random = Random.Shared;
        var person = People[random.Next(People.Length)];
        var place = Places[random.Next(Places.Length)];
        var act = Acts[random.Next(Acts.Length)];
        var claim = $"{person} {act} in {place} on {random.Next(1, 28)} {Months[random.Next(Months.Length)]}.";
        return new Story(claim, $"{claim} Local residents gathered to watch. Case {Guid.NewGuid():N}.", person, place, act);
    }

    /// <summary>
    /// A story sharing no person, place or act with <paramref name="other"/>: two stories that differ only in who and where
    /// (two stone bridges rebuilt) are rightly judged related, so a test that needs two unrelated stories asks for this.
    /// </summary>
    public static Story Unlike(Story other)
    {
        while (true)
        {
            var story = Unique();
            if (story.Person != other.Person && story.Place != other.Place && story.Act != other.Act) return story;
        }
    }
}
