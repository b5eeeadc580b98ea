using System.Diagnostics;
using System.Globalization;
using Vigil.Linking.Synthetic;

namespace Vigil.Cli;

/// <summary><c>vigil bench people --count N [--seed S] [--output FILE]</c>: synthetic police-style person records.</summary>
internal static class BenchPeople
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryOption(args, "--count", 1, 50_000_000, out var count, required: true)
            || !TryOption(args, "--seed", int.MinValue, int.MaxValue, out var seed, required: false, fallback: 1))
        {
            return VigilCli.ExitUsage;
        }
        var outputIndex = Array.IndexOf(args, "--output");
        var output = outputIndex >= 0 && outputIndex + 1 < args.Length ? args[outputIndex + 1] : $"people-{count}.csv";
        var clock = Stopwatch.StartNew();
        var humans = new HashSet<int>();
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        var recordsPerHuman = new Dictionary<int, int>();
        await using (var writer = new StreamWriter(output))
        {
            PoliceStylePeople.WriteCsv(Count(new PoliceStylePeople(seed).Generate(count)), writer);
        }
        long truePairs = recordsPerHuman.Values.Sum(n => (long)n * (n - 1) / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {count:N0} records of {humans.Count:N0} people to {output} in {clock.Elapsed.TotalSeconds:F1} s (seed {seed}); {truePairs:N0} true pairs."));
        Console.WriteLine("Records by kind: " + string.Join(", ", kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Key} {k.Value:N0}"))));
        return VigilCli.ExitOk;

        IEnumerable<SyntheticPerson> Count(IEnumerable<SyntheticPerson> people)
        {
            foreach (var person in people)
            {
                humans.Add(person.HumanId);
                kinds[person.Kind] = kinds.GetValueOrDefault(person.Kind) + 1;
                recordsPerHuman[person.HumanId] = recordsPerHuman.GetValueOrDefault(person.HumanId) + 1;
                yield return person;
            }
        }
    }

    internal static bool TryOption(string[] args, string name, int min, int max, out int value, bool required, int fallback = 0, string verb = "people")
    {
        value = fallback;
        var index = Array.IndexOf(args, name);
        if (index < 0)
        {
            if (required)
            {
                Console.Error.WriteLine($"{name} is required, for example: vigil bench {verb} {name} 100000");
            }
            return !required;
        }
        if (index + 1 >= args.Length || !int.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out value) || value < min || value > max)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} expects a whole number from {min:N0} to {max:N0}."));
            return false;
        }
        return true;
    }
}
