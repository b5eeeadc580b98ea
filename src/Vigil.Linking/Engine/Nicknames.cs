using System.Collections.Frozen;

namespace Vigil.Linking.Engine;

/// <summary>
/// Short forms and their full names, written for names common in England and Wales. A short form may stand for
/// several full names (Chris: Christopher or Christine); two names are equivalent when they share a full name.
/// </summary>
public static class Nicknames
{
    private static readonly (string Full, string[] Short)[] Table =
    [
        ("robert", ["rob", "robbie", "bob", "bobby", "bert"]), ("william", ["bill", "billy", "will", "willie", "liam"]),
        ("david", ["dai", "dave", "davy", "dafydd", "dewi"]), ("daniel", ["dan", "danny"]), ("thomas", ["tom", "tommy", "twm"]),
        ("james", ["jim", "jimmy", "jamie", "jas"]), ("john", ["jack", "johnny", "jon", "sion", "ioan"]), ("jack", ["jac", "jackie"]),
        ("matthew", ["matt", "matty"]), ("michael", ["mike", "mick", "mickey", "mikey"]), ("christopher", ["chris", "kit"]),
        ("christine", ["chris", "chrissie", "tina"]), ("andrew", ["andy", "drew"]), ("anthony", ["tony", "ant"]),
        ("steven", ["steve", "stevie"]), ("stephen", ["steve", "stevie"]), ("richard", ["rich", "richie", "dick", "rick"]),
        ("joseph", ["joe", "joey"]), ("samuel", ["sam", "sammy"]), ("samantha", ["sam", "sammy"]), ("benjamin", ["ben", "benny"]),
        ("edward", ["ed", "eddie", "ted", "ned"]), ("alexander", ["alex", "sandy", "xander"]), ("alexandra", ["alex", "sandra", "lexi"]),
        ("jonathan", ["jon", "jonny"]), ("nicholas", ["nick", "nicky"]), ("nicola", ["nicky", "nikki"]), ("peter", ["pete"]),
        ("gareth", ["gaz", "gary"]), ("gwenllian", ["gwen"]), ("gwendolyn", ["gwen", "wendy"]), ("elizabeth", ["liz", "lizzie", "beth", "betty", "eliza", "bethan"]),
        ("katherine", ["kate", "kath", "kathy", "katie", "cath"]), ("catherine", ["kate", "cath", "cathy", "katie", "catrin"]),
        ("margaret", ["maggie", "meg", "peggy", "mags", "marged"]), ("rebecca", ["becky", "becca"]), ("jessica", ["jess", "jessie"]),
        ("victoria", ["vicky", "tori"]), ("susan", ["sue", "susie"]), ("deborah", ["debbie", "deb"]), ("charlotte", ["charlie", "lottie"]),
        ("charles", ["charlie", "chas"]), ("rhiannon", ["rhi"]), ("angharad", ["angie"]), ("jennifer", ["jenny", "jen"]),
        ("patricia", ["pat", "trish", "patsy"]), ("patrick", ["pat", "paddy"]), ("frederick", ["fred", "freddie"]),
        ("timothy", ["tim", "timmy"]), ("gregory", ["greg"]), ("kenneth", ["ken", "kenny"]), ("ronald", ["ron", "ronnie"]),
        ("donald", ["don", "donny"]), ("leonard", ["len", "lenny", "leo"]), ("raymond", ["ray"]), ("terence", ["terry", "tel"]),
        ("philip", ["phil", "pip"]), ("phillip", ["phil"]), ("harold", ["harry", "hal"]), ("henry", ["harry", "hal", "hank"]),
        ("abigail", ["abby", "abi"]), ("amanda", ["mandy"]), ("barbara", ["barb", "babs"]), ("josephine", ["jo", "josie"]),
        ("joanne", ["jo"]), ("joanna", ["jo", "asia"]), ("sarah", ["sally", "sal"]), ("ellen", ["ellie", "nell"]), ("eleanor", ["ellie", "nell", "nora"]),
        ("nathan", ["nat", "nate"]), ("nathaniel", ["nat", "nate"]), ("zachary", ["zac", "zach"]), ("lawrence", ["larry", "laurie"]),
        ("owain", ["owen"]), ("ieuan", ["iwan", "evan"]), ("huw", ["hugh"]), ("sian", ["jane"]), ("sion", ["john"]),
        ("mohammed", ["mohammad", "muhammad", "mohamed", "mo"]), ("tomasz", ["tomek"]), ("aleksander", ["olek", "alex"]),
        ("agnieszka", ["aga"]), ("katarzyna", ["kasia"]), ("malgorzata", ["gosia"]),
    ];

    private static readonly FrozenDictionary<string, string[]> FullNamesOf = Build();

    private static FrozenDictionary<string, string[]> Build()
    {
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (full, shorts) in Table)
        {
            Add(full, full);
            foreach (var s in shorts)
            {
                Add(s, full);
            }
        }
        return map.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

        void Add(string name, string full)
        {
            if (!map.TryGetValue(name, out var set))
            {
                map[name] = set = new HashSet<string>(StringComparer.Ordinal);
            }
            set.Add(full);
        }
    }

    /// <summary>The canonical name used for blocking: the first full name a short form stands for, or the name itself.</summary>
    public static string Canonical(string folded) => FullNamesOf.TryGetValue(folded, out var full) ? full[0] : folded;

    /// <summary>True when one name can be a short form of the other, or both shorten the same full name.</summary>
    public static bool Equivalent(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return false;
        }
        if (a == b)
        {
            return true;
        }
        // Called for most compared pairs, so no arrays are made for names that are not short forms.
        var hasA = FullNamesOf.TryGetValue(a, out var fa);
        var hasB = FullNamesOf.TryGetValue(b, out var fb);
        return (hasA, hasB) switch
        {
            (false, false) => false,
            (true, false) => Array.IndexOf(fa!, b) >= 0,
            (false, true) => Array.IndexOf(fb!, a) >= 0,
            _ => fa!.Any(n => Array.IndexOf(fb!, n) >= 0),
        };
    }
}
