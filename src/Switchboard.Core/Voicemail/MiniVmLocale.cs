namespace Switchboard.Core.Voicemail;

/// <summary>
/// Day and month names of the LC_TIME locales a minivm.conf template may name (<c>locale=sv_SE</c>): MiniVM switches
/// LC_TIME while it formats ${MVM_DATE}, so %a %A %b %B come out in that language. The process runs with invariant
/// globalization, so the names of the common European locales are kept here (glibc's spelling); any other locale
/// prints the C locale's English names.
/// </summary>
internal sealed record MiniVmLocale(string[] Days, string[] ShortDays, string[] Months, string[] ShortMonths)
{
    public static MiniVmLocale C { get; } = new(
        ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]);

    private static readonly MiniVmLocale Swedish = new(
        ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"],
        ["sön", "mån", "tis", "ons", "tor", "fre", "lör"],
        ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"],
        ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]);

    private static readonly MiniVmLocale German = new(
        ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"],
        ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"],
        ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
        ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"]);

    private static readonly MiniVmLocale French = new(
        ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
        ["dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."],
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
        ["janv.", "févr.", "mars", "avril", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]);

    private static readonly MiniVmLocale Spanish = new(
        ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"],
        ["dom", "lun", "mar", "mié", "jue", "vie", "sáb"],
        ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
        ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"]);

    private static readonly MiniVmLocale Danish = new(
        ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"],
        ["søn", "man", "tir", "ons", "tor", "fre", "lør"],
        ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"],
        ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]);

    private static readonly MiniVmLocale Norwegian = new(
        ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"],
        ["sø.", "ma.", "ti.", "on.", "to.", "fr.", "lø."],
        ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"],
        ["jan.", "feb.", "mars", "april", "mai", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "des."]);

    private static readonly MiniVmLocale Finnish = new(
        ["sunnuntai", "maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai"],
        ["su", "ma", "ti", "ke", "to", "pe", "la"],
        ["tammikuu", "helmikuu", "maaliskuu", "huhtikuu", "toukokuu", "kesäkuu", "heinäkuu", "elokuu", "syyskuu", "lokakuu", "marraskuu", "joulukuu"],
        ["tammi", "helmi", "maalis", "huhti", "touko", "kesä", "heinä", "elo", "syys", "loka", "marras", "joulu"]);

    private static readonly MiniVmLocale Dutch = new(
        ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
        ["zo", "ma", "di", "wo", "do", "vr", "za"],
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
        ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]);

    /// <summary>
    /// The names of <paramref name="locale"/> (<c>sv_SE</c>, <c>sv_SE.UTF-8</c>, <c>de_DE@euro</c>, <c>C</c>, <c>POSIX</c>):
    /// false when the language is not known (the C names are returned).
    /// </summary>
    public static bool TryGet(string? locale, out MiniVmLocale names)
    {
        names = C;
        if (string.IsNullOrWhiteSpace(locale))
        {
            return true;
        }

        string text = locale.Trim();
        int end = text.IndexOfAny(['_', '-', '.', '@']);
        string language = (end < 0 ? text : text[..end]).ToLowerInvariant();
        switch (language)
        {
            case "c" or "posix" or "en":
                return true;
            case "sv":
                names = Swedish;
                return true;
            case "de":
                names = German;
                return true;
            case "fr":
                names = French;
                return true;
            case "es":
                names = Spanish;
                return true;
            case "da":
                names = Danish;
                return true;
            case "nb" or "no" or "nn":
                names = Norwegian;
                return true;
            case "fi":
                names = Finnish;
                return true;
            case "nl":
                names = Dutch;
                return true;
            default:
                return false;
        }
    }
}
