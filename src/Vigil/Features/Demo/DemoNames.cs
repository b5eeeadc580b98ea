namespace Vigil.Features.Demo;

/// <summary>Invented people for demo data: common Welsh and English names, with the variants police records really hold.</summary>
internal static class DemoNames
{
    public static readonly string[] FemaleGiven =
    [
        "Megan", "Catrin", "Sian", "Rhiannon", "Ffion", "Emma", "Sarah", "Laura", "Bethan", "Carys", "Nia", "Gwen",
        "Hannah", "Rebecca", "Elin", "Lowri", "Amy", "Jessica", "Angharad", "Kelly", "Rachel", "Nicola", "Seren", "Mared",
    ];

    public static readonly string[] MaleGiven =
    [
        "Daniel", "Robert", "David", "William", "Rhys", "Gareth", "Owain", "Dylan", "Thomas", "James", "Matthew", "Steven",
        "Jack", "Aled", "Ieuan", "Christopher", "Michael", "Andrew", "Geraint", "Huw", "Jonathan", "Mark", "Lee", "Anthony",
    ];

    public static readonly string[] Family =
    [
        "Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan", "Griffiths", "Price",
        "Pritchard", "Phillips", "Powell", "Rees", "Lloyd", "Owen", "Jenkins", "Edwards", "James", "Parry", "Howells",
        "Bevan", "Vaughan", "Llewellyn", "Pugh", "Harris", "Watkins", "Lloyd-Jones", "Smith", "Taylor", "Walker",
    ];

    /// <summary>Short forms officers write instead of the full given name.</summary>
    public static readonly Dictionary<string, string> ShortForms = new(StringComparer.Ordinal)
    {
        ["Daniel"] = "Dan", ["Robert"] = "Rob", ["David"] = "Dai", ["William"] = "Bill", ["Thomas"] = "Tom",
        ["James"] = "Jim", ["Matthew"] = "Matt", ["Steven"] = "Steve", ["Christopher"] = "Chris", ["Michael"] = "Mike",
        ["Andrew"] = "Andy", ["Jonathan"] = "Jon", ["Anthony"] = "Tony", ["Rebecca"] = "Becky", ["Jessica"] = "Jess",
        ["Nicola"] = "Nicky", ["Catrin"] = "Cat", ["Rhiannon"] = "Rhi", ["Gwen"] = "Gwenllian",
    };

    /// <summary>Misspellings seen when a name is taken down over the phone.</summary>
    public static readonly Dictionary<string, string> Misspellings = new(StringComparer.Ordinal)
    {
        ["Hughes"] = "Hughs", ["Pritchard"] = "Prichard", ["Phillips"] = "Philips", ["Griffiths"] = "Griffith",
        ["Llewellyn"] = "Llewelyn", ["Howells"] = "Howell", ["Davies"] = "Davis", ["Jenkins"] = "Jenkin",
        ["Sian"] = "Siân", ["Rhys"] = "Reece", ["Owain"] = "Owen", ["Catrin"] = "Catrine", ["Lloyd-Jones"] = "Lloyd Jones",
        ["Megan"] = "Meghan", ["Huw"] = "Hugh", ["Ieuan"] = "Iwan",
    };

    public static readonly (string Street, string Town, string Postcode)[] Places =
    [
        ("Heol y Bont", "Carmarthen", "SA31 1AB"), ("Stryd Fawr", "Aberystwyth", "SY23 1DE"), ("Water Street", "Llanelli", "SA15 1AA"),
        ("Station Road", "Newtown", "SY16 1BD"), ("Church Street", "Brecon", "LD3 7AP"), ("High Street", "Haverfordwest", "SA61 2DA"),
        ("Queen Street", "Cardiff", "CF10 2BH"), ("Wind Street", "Swansea", "SA1 1DP"), ("Commercial Street", "Newport", "NP20 1LP"),
        ("Bridge Street", "Bridgend", "CF31 1EW"), ("Taff Street", "Pontypridd", "CF37 4TX"), ("Monnow Street", "Monmouth", "NP25 3EQ"),
        ("Broad Street", "Hereford", "HR4 9AR"), ("Mill Lane", "Abergavenny", "NP7 5HE"), ("Heol Awst", "Carmarthen", "SA31 1DX"),
    ];

    public static readonly string[] Workplaces =
    [
        "Unit 3, Riverside Business Park, Swansea", "Glangwili Hospital, Carmarthen", "County Hall, Llandrindod Wells",
        "Tesco, Newport Road, Cardiff", "Aberystwyth University, Penglais", "Bronglais Hospital, Aberystwyth",
    ];
}
