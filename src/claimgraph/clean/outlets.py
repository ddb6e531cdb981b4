"""Known news sites: domain → the outlet's usual name, and naming an unknown site from its domain."""

from __future__ import annotations

from typing import Final
from urllib.parse import urlsplit

OUTLETS: Final[dict[str, str]] = {
    # Ukrainian outlets
    "kyivindependent.com": "The Kyiv Independent",
    "kyivpost.com": "Kyiv Post",
    "pravda.com.ua": "Ukrainska Pravda",
    "eurointegration.com.ua": "European Pravda",
    "epravda.com.ua": "Ekonomichna Pravda",
    "ukrinform.net": "Ukrinform",
    "ukrinform.ua": "Ukrinform",
    "unian.net": "UNIAN",
    "unian.info": "UNIAN",
    "unian.ua": "UNIAN",
    "interfax.com.ua": "Interfax-Ukraine",
    "nv.ua": "NV",
    "censor.net": "Censor.net",
    "rbc.ua": "RBC-Ukraine",
    "liga.net": "LIGA.net",
    "suspilne.media": "Suspilne",
    "hromadske.ua": "Hromadske",
    "zn.ua": "Dzerkalo Tyzhnia",
    "tsn.ua": "TSN",
    "24tv.ua": "24 Kanal",
    "obozrevatel.com": "Obozrevatel",
    "focus.ua": "Focus",
    "babel.ua": "Babel",
    "glavcom.ua": "Glavcom",
    "euromaidanpress.com": "Euromaidan Press",
    "radiosvoboda.org": "Radio Svoboda",
    "ukrainianworldcongress.org": "Ukrainian World Congress",
    # Russian and Russian-language outlets
    "themoscowtimes.com": "The Moscow Times",
    "meduza.io": "Meduza",
    "tass.com": "TASS",
    "tass.ru": "TASS",
    "ria.ru": "RIA Novosti",
    "interfax.ru": "Interfax",
    "interfax.com": "Interfax",
    "rt.com": "RT",
    "sputniknews.com": "Sputnik",
    "sputnikglobe.com": "Sputnik",
    "kommersant.ru": "Kommersant",
    "novayagazeta.ru": "Novaya Gazeta",
    "novayagazeta.eu": "Novaya Gazeta Europe",
    "rbc.ru": "RBC",
    "vedomosti.ru": "Vedomosti",
    "iz.ru": "Izvestia",
    "kp.ru": "Komsomolskaya Pravda",
    "rg.ru": "Rossiyskaya Gazeta",
    "lenta.ru": "Lenta.ru",
    "gazeta.ru": "Gazeta.ru",
    "fontanka.ru": "Fontanka",
    "zona.media": "Mediazona",
    "tvrain.tv": "TV Rain",
    "istories.media": "iStories",
    "theins.ru": "The Insider",
    "theins.press": "The Insider",
    "currenttime.tv": "Current Time",
    "svoboda.org": "Radio Svoboda",
    "rferl.org": "Radio Free Europe/Radio Liberty",
    # International outlets and wire services
    "reuters.com": "Reuters",
    "apnews.com": "Associated Press",
    "afp.com": "AFP",
    "bloomberg.com": "Bloomberg",
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "wsj.com": "The Wall Street Journal",
    "theguardian.com": "The Guardian",
    "guardian.co.uk": "The Guardian",
    "bbc.com": "BBC",
    "bbc.co.uk": "BBC",
    "cnn.com": "CNN",
    "ft.com": "Financial Times",
    "economist.com": "The Economist",
    "newsweek.com": "Newsweek",
    "time.com": "Time",
    "politico.com": "Politico",
    "politico.eu": "Politico Europe",
    "axios.com": "Axios",
    "npr.org": "NPR",
    "nbcnews.com": "NBC News",
    "cbsnews.com": "CBS News",
    "abcnews.go.com": "ABC News",
    "foxnews.com": "Fox News",
    "usatoday.com": "USA Today",
    "latimes.com": "Los Angeles Times",
    "nypost.com": "New York Post",
    "thehill.com": "The Hill",
    "businessinsider.com": "Business Insider",
    "cnbc.com": "CNBC",
    "forbes.com": "Forbes",
    "theatlantic.com": "The Atlantic",
    "newyorker.com": "The New Yorker",
    "vox.com": "Vox",
    "independent.co.uk": "The Independent",
    "telegraph.co.uk": "The Telegraph",
    "thetimes.co.uk": "The Times",
    "dailymail.co.uk": "Daily Mail",
    "news.sky.com": "Sky News",
    "aljazeera.com": "Al Jazeera",
    "dw.com": "DW",
    "france24.com": "France 24",
    "euronews.com": "Euronews",
    "voanews.com": "Voice of America",
    "cbc.ca": "CBC News",
    "abc.net.au": "ABC News",
    "timesofisrael.com": "The Times of Israel",
    "jpost.com": "The Jerusalem Post",
    "aa.com.tr": "Anadolu Agency",
    "spiegel.de": "Der Spiegel",
    "lemonde.fr": "Le Monde",
    "defensenews.com": "Defense News",
    "news.yahoo.com": "Yahoo News",
    "theconversation.com": "The Conversation",
}

# Bylines credit these by a single word; they are news organisations, not people.
AGENCIES: Final = frozenset(
    {
        "AFP",
        "AP",
        "Reuters",
        "Bloomberg",
        "Interfax",
        "TASS",
        "UNIAN",
        "Ukrinform",
        "Xinhua",
        "dpa",
        "EFE",
        "ANSA",
    }
)

# Second-level labels under which a country's sites register (example.com.ua, example.co.uk).
_SECOND_LEVEL: Final = frozenset(
    {"co", "com", "org", "net", "gov", "ac", "edu", "in", "kiev", "kyiv", "msk", "spb"}
)


def hostname(url: str) -> str | None:
    """The lower-case host of ``url`` without ``www.``, or None when it has none."""
    try:
        host = urlsplit(url if "://" in url else f"//{url}").hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


def known_outlet(host: str) -> str | None:
    """The table's name for ``host`` or for the closest parent domain in the table."""
    labels = host.split(".")
    for i in range(len(labels) - 1):
        name = OUTLETS.get(".".join(labels[i:]))
        if name is not None:
            return name
    return None


def name_from_domain(host: str) -> str | None:
    """A readable name for an unknown site: ``zarechna-herald.com.ua`` → ``Zarechna Herald``."""
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2:
        return None
    labels = labels[:-1]
    if len(labels) >= 2 and labels[-1] in _SECOND_LEVEL:
        labels = labels[:-1]
    site = labels[-1]
    if not any(c.isalpha() for c in site):
        return None
    return " ".join(part.capitalize() for part in site.replace("_", "-").split("-") if part)


def outlet_for_url(url: str) -> tuple[str | None, bool]:
    """The outlet a URL belongs to and whether the name came from the table (else from the domain)."""
    host = hostname(url)
    if host is None:
        return None, False
    name = known_outlet(host)
    if name is not None:
        return name, True
    return name_from_domain(host), False
