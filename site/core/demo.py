"""Demo content of the core app: the three home pages, the institutional pages, the site
settings, a staff superuser and one editor per pôle. Every address, phone number and
person here is fictional (see DOMAIN.md)."""

import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import Page, Site

from .demo_tools import demo_image, ensure_locales, ensure_page, ensure_translations
from .models import HomePage, SiteSettings, StandardPage

ADMIN_USERNAME = "admin"
DEMO_PASSWORD = os.environ.get("DEMO_ADMIN_PASSWORD", "maison-demo-2026")

# (group name, editor username): one Wagtail group per pôle, plus the Coordination.
POLE_GROUPS = [
    ("Pôle Accompagnement socio-éducatif", "editeur.socio-educatif"),
    ("Pôle Accompagnement spécialisé", "editeur.specialise"),
    ("Pôle Tranquillité et Proximité", "editeur.tranquillite"),
    ("Pôle Réparation et Justice", "editeur.reparation"),
    ("Coordination", "editeur.coordination"),
]

EDITOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("images", "add_customimage"),
    ("images", "change_customimage"),
    ("images", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


def p(text: str) -> dict:
    return {"type": "paragraph", "value": text}


def h(text: str) -> dict:
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


HOME = {
    "fr": {
        "title": "La Prévention à Ixelles",
        "intro": (
            "Le service communal de prévention accompagne chaque habitant au quotidien, "
            "avec une attention particulière aux personnes fragiles : jeunes, familles, "
            "personnes sans abri, victimes."
        ),
        "search_description": "Services, activités jeunesse et associations partenaires "
        "du service de prévention d'Ixelles.",
    },
    "nl": {
        "title": "Preventie in Elsene",
        "intro": (
            "De gemeentelijke preventiedienst staat elke inwoner bij in het dagelijks leven, "
            "met bijzondere aandacht voor kwetsbare mensen: jongeren, gezinnen, daklozen, "
            "slachtoffers."
        ),
        "search_description": "Diensten, jongerenactiviteiten en partnerverenigingen van "
        "de preventiedienst van Elsene.",
    },
    "en": {
        "title": "Prevention in Ixelles",
        "intro": (
            "The municipal prevention service supports every resident in daily life, with "
            "special attention to vulnerable people: young people, families, homeless "
            "people, victims."
        ),
        "search_description": "Services, youth activities and partner associations of "
        "the Ixelles prevention service.",
    },
}

ABOUT = {
    "fr": {
        "title": "Le service",
        "intro": "Plus de 80 équivalents temps plein, dont plus de 50 agents sur le terrain.",
        "body": [
            h("Quatre pôles et une coordination"),
            p(
                "<p>La Prévention est le service communal de première ligne d'Ixelles. "
                "Elle s'organise en quatre pôles : l'accompagnement socio-éducatif, "
                "l'accompagnement spécialisé (médiation locale, médiation sociale, cellule "
                "sans-abrisme), la tranquillité et la proximité (Gardiens de la Paix, "
                "Médiateurs de Nuit) et la réparation et la justice (médiation réparatrice, "
                "SEMJA, aide juridique). La coordination pilote l'ensemble et assure la "
                "technoprévention.</p>"
            ),
            h("Sur le terrain"),
            p(
                "<p>Gardiens de la Paix, médiateurs de nuit, éducateurs et animateurs de rue, "
                "travailleurs sociaux de la cellule sans-abrisme : plus de cinquante agents "
                "travaillent dans l'espace public.</p>"
            ),
        ],
    },
    "nl": {
        "title": "De dienst",
        "intro": "Meer dan 80 voltijdse equivalenten, waarvan meer dan 50 op het terrein.",
        "body": [
            h("Vier polen en een coördinatie"),
            p(
                "<p>Preventie is de eerstelijnsdienst van de gemeente Elsene. Ze bestaat uit "
                "vier polen: socio-educatieve begeleiding, gespecialiseerde begeleiding "
                "(buurtbemiddeling, sociale bemiddeling, cel daklozen), rust en nabijheid "
                "(Gemeenschapswachten, Nachtbemiddelaars) en herstel en justitie "
                "(herstelbemiddeling, SEMJA, juridische bijstand). De coördinatie leidt het "
                "geheel en verzorgt de technopreventie.</p>"
            ),
            h("Op het terrein"),
            p(
                "<p>Gemeenschapswachten, nachtbemiddelaars, straathoekwerkers en animatoren, "
                "maatschappelijk werkers van de cel daklozen: meer dan vijftig medewerkers "
                "werken in de openbare ruimte.</p>"
            ),
        ],
    },
    "en": {
        "title": "About the service",
        "intro": "More than 80 full-time equivalents, over 50 of them in the streets.",
        "body": [
            h("Four pôles and a coordination"),
            p(
                "<p>La Prévention is Ixelles' front-line municipal service. It is organised "
                "in four pôles: socio-educational support, specialised support (local "
                "mediation, social mediation, homelessness cell), peace and proximity (city "
                "wardens, night mediators) and restoration and justice (restorative "
                "mediation, SEMJA, legal aid). The coordination leads the whole and runs "
                "technoprévention (burglary prevention).</p>"
            ),
            h("In the streets"),
            p(
                "<p>City wardens, night mediators, youth workers and animators, social "
                "workers of the homelessness cell: more than fifty staff work in public "
                "space.</p>"
            ),
        ],
    },
}

FUNDING = {
    "fr": {
        "title": "Financement",
        "intro": "Le service est financé en grande partie par des plans pluriannuels "
        "d'autres niveaux de pouvoir.",
        "body": [
            p(
                "<ul><li>Région de Bruxelles-Capitale : Plan bruxellois de prévention et de "
                "proximité ;</li><li>SPF Intérieur : Plan stratégique de sécurité et de "
                "prévention, et convention « Contingent complémentaire pour les Gardiens de "
                "la Paix » ;</li><li>SPP Intégration sociale – Politique des grandes villes : "
                "médiation réparatrice ;</li><li>Fédération Wallonie-Bruxelles : SEMJA.</li>"
                "</ul>"
            ),
        ],
    },
    "nl": {
        "title": "Financiering",
        "intro": "De dienst wordt grotendeels gefinancierd door meerjarenplannen van andere "
        "overheden.",
        "body": [
            p(
                "<ul><li>Brussels Hoofdstedelijk Gewest: Brussels preventie- en "
                "buurtplan;</li><li>FOD Binnenlandse Zaken: Strategisch veiligheids- en "
                "preventieplan, en de overeenkomst „Aanvullend contingent "
                "Gemeenschapswachten”;</li><li>POD Maatschappelijke Integratie – "
                "Grootstedenbeleid: herstelbemiddeling;</li><li>Federatie Wallonië-Brussel: "
                "SEMJA.</li></ul>"
            ),
        ],
    },
    "en": {
        "title": "Funding",
        "intro": "The service is mostly funded by multi-year plans of higher levels of government.",
        "body": [
            p(
                "<ul><li>Brussels-Capital Region: Brussels prevention and proximity plan;</li>"
                "<li>FPS Home Affairs: Strategic security and prevention plan, and the "
                "“Additional contingent of city wardens” agreement;</li><li>PPS Social "
                "Integration – Major Cities Policy: restorative mediation;</li><li>"
                "Fédération Wallonie-Bruxelles: SEMJA.</li></ul>"
            ),
        ],
    },
}

ACCESSIBILITY = {
    "fr": {
        "title": "Déclaration d'accessibilité",
        "intro": "Ce site vise la conformité aux WCAG 2.1 niveau AA (norme EN 301 549).",
        "body": [
            p(
                "<p>Chaque page publique est testée automatiquement (axe-core) sur ordinateur "
                "et sur un écran de 360 pixels, et se parcourt au clavier. Si un contenu "
                "vous reste inaccessible, écrivez-nous : nous vous répondrons dans les "
                "15 jours ouvrables.</p>"
            ),
        ],
    },
    "nl": {
        "title": "Toegankelijkheidsverklaring",
        "intro": "Deze site streeft naar conformiteit met WCAG 2.1 niveau AA (norm EN 301 549).",
        "body": [
            p(
                "<p>Elke openbare pagina wordt automatisch getest (axe-core) op een computer "
                "en op een scherm van 360 pixels, en is met het toetsenbord te gebruiken. "
                "Blijft een inhoud ontoegankelijk, schrijf ons: we antwoorden binnen 15 "
                "werkdagen.</p>"
            ),
        ],
    },
    "en": {
        "title": "Accessibility statement",
        "intro": "This site aims to conform to WCAG 2.1 level AA (standard EN 301 549).",
        "body": [
            p(
                "<p>Every public page is tested automatically (axe-core) on a desktop and on "
                "a 360-pixel screen, and can be used with the keyboard. If some content "
                "remains inaccessible to you, write to us: we answer within 15 working "
                "days.</p>"
            ),
        ],
    },
}

PRIVACY = {
    "fr": {
        "title": "Vie privée",
        "intro": "Nous collectons le minimum, disons pourquoi, et ne gardons rien plus "
        "longtemps que nécessaire (RGPD).",
        "body": [
            p(
                "<p>Ce site n'utilise ni cookie publicitaire, ni outil de mesure d'audience, "
                "ni contenu de tiers. Vos recherches ne sont ni enregistrées ni "
                "journalisées. Les données d'un formulaire servent uniquement à traiter "
                "votre demande et sont effacées au plus tard 12 mois après.</p>"
            ),
        ],
    },
    "nl": {
        "title": "Privacy",
        "intro": "We verzamelen het minimum, zeggen waarom, en bewaren niets langer dan "
        "nodig (AVG).",
        "body": [
            p(
                "<p>Deze site gebruikt geen advertentiecookies, geen bezoekersstatistieken en "
                "geen inhoud van derden. Uw zoekopdrachten worden niet bewaard of gelogd. "
                "Gegevens uit een formulier dienen enkel om uw aanvraag te behandelen en "
                "worden uiterlijk 12 maanden later gewist.</p>"
            ),
        ],
    },
    "en": {
        "title": "Privacy",
        "intro": "We collect the minimum, say why, and keep nothing longer than needed (GDPR).",
        "body": [
            p(
                "<p>This site uses no advertising cookies, no audience measurement and no "
                "third-party content. Your searches are neither stored nor logged. Data from "
                "a form is used only to handle your request and is erased at the latest 12 "
                "months later.</p>"
            ),
        ],
    },
}

EMERGENCY_NUMBERS = [
    {"type": "number", "value": {"service": "112", "number": "112"}},
    {"type": "number", "value": {"service": "101", "number": "101"}},
    {"type": "number", "value": {"service": "103", "number": "103"}},
    {"type": "number", "value": {"service": "violence", "number": "0800 30 030"}},
    {"type": "number", "value": {"service": "107", "number": "107"}},
]


def build_home(stdout) -> dict[str, HomePage]:
    ensure_locales()
    root = Page.get_first_root_node()
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.filter(depth=2, locale__language_code="fr").first()
    hero = demo_image("Ixelles – rue animée", "#0b5c8e", "La Prévention\nà Ixelles")
    if home is None:
        home = HomePage(slug="accueil", hero_image=hero, **HOME["fr"])
        root.add_child(instance=home)
        home.save_revision().publish()
    else:
        home = ensure_page(root, HomePage, home.slug, hero_image=hero, **HOME["fr"])
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True
        )
    if site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Prévention Ixelles"
        site.save()
        # The "Welcome to Wagtail" page left by Wagtail's first migration.
        if old_root.depth == 2 and not isinstance(old_root.specific, HomePage):
            old_root.delete()
    homes = ensure_translations(
        home, {"nl": {**HOME["nl"], "slug": "welkom"}, "en": {**HOME["en"], "slug": "welcome"}}
    )
    stdout.write("Home pages: " + ", ".join(sorted(homes)))
    return homes


def build_standard_pages(home: HomePage) -> dict[str, dict[str, StandardPage]]:
    pages = {}
    for slugs, content, in_menu in [
        (("le-service", "de-dienst", "about"), ABOUT, True),
        (("financement", "financiering", "funding"), FUNDING, False),
        (("accessibilite", "toegankelijkheid", "accessibility"), ACCESSIBILITY, False),
        (("vie-privee", "privacy", "privacy"), PRIVACY, False),
    ]:
        page = ensure_page(home, StandardPage, slugs[0], show_in_menus=in_menu, **content["fr"])
        pages[slugs[0]] = ensure_translations(
            page,
            {
                code: {**content[code], "slug": slug, "show_in_menus": in_menu}
                for code, slug in zip(("nl", "en"), slugs[1:], strict=True)
            },
        )
    return pages


def build_settings(home: HomePage, pages) -> None:
    site = Site.objects.get(root_page=home)
    settings = SiteSettings.for_site(site)
    settings.phone = "+32 2 000 00 00"
    settings.email = "prevention@example.org"
    settings.street_address = "Rue de l'Exemple 1 (adresse fictive)"
    settings.postcode = "1050"
    settings.locality = "Ixelles"
    settings.emergency_numbers = EMERGENCY_NUMBERS
    settings.accessibility_page = pages["accessibilite"]["fr"]
    settings.privacy_page = pages["vie-privee"]["fr"]
    settings.footer_text = (
        "<p>Site de démonstration – les adresses, numéros et personnes sont fictifs.</p>"
    )
    settings.save()


def build_users(stdout) -> None:
    User = get_user_model()
    admin, created = User.objects.get_or_create(
        username=ADMIN_USERNAME,
        defaults={"email": "admin@example.org", "is_staff": True, "is_superuser": True},
    )
    if created:
        admin.set_password(DEMO_PASSWORD)
        admin.save()
    editors_perms = [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in EDITOR_PERMISSIONS
    ]
    for group_name, username in POLE_GROUPS:
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(*editors_perms)
        user, created = User.objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org"}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.add(group)


def load(stdout) -> None:
    build_users(stdout)
    homes = build_home(stdout)
    pages = build_standard_pages(homes["fr"])
    build_settings(homes["fr"], pages)
