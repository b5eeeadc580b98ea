namespace Vigil.BrowserTests;

/// <summary>Made-up family names no demo person has, so a test finds exactly the records it made.</summary>
public static class TestNames
{
    private const string Consonants = "bcdfghjklmnprstvwz";
    private const string Vowels = "aeiou";

    public static string UniqueFamilyName()
    {
        var letters = new char[10];
        for (var i = 0; i < letters.Length; i++)
        {
            var pool = i % 2 == 0 ? Consonants : Vowels;
            letters[i] = pool[Random.Shared.Next(pool.Length)];
        }
        return "Prawf" + new string(letters);
    }
}
