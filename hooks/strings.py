"""The words of our own templates, in each language the site is built in: the one string table.

The roster templates (overrides/roster/) get the current language's table as `s`, the
theme's overrides (overrides/*.html, overrides/partials/) as `config.extra.ui`
(hooks/crisis_hook.py sets it for each language build). Material translates its own
interface from theme.language, which the i18n plugin sets per language.
"""

from __future__ import annotations

from datetime import date
from types import MappingProxyType

DEFAULT = "en"
LANGUAGES = ("en", "fr")
# Each language's term in data/taxonomy.yml's languages, by address: who offers sessions in it.
LANGUAGE_SLUGS = MappingProxyType({"en": "english", "fr": "french"})

_EN = MappingProxyType(
    {
        # This language's folder in the site, for links in the theme's overrides.
        "home": "",
        "crisis_banner_lead": "In crisis?",
        "crisis_banner_call": "Call or text",
        "crisis_banner_anytime": "any time.",
        "crisis_banner_emergency": "In an emergency, call",
        "crisis_more": "More help",
        "crisis_box_heading": "Need help now?",
        "crisis_box_not_emergency": "is not an emergency service, and we cannot answer messages right away.",
        "crisis_box_911": "If you or someone else is in immediate danger, call",
        "crisis_box_911_after": "or go to the nearest emergency department.",
        "crisis_box_988": "If you are thinking about suicide or are worried about someone, call or text",
        "crisis_box_988_after": "It is free and open 24 hours a day, in English and French.",
        "crisis_box_all": "All crisis and urgent help",
        "crisis_summary_title": "If you are thinking about suicide",
        "crisis_summary_text": "You are not alone, and help is available now. Call or text",
        "crisis_summary_anytime": "at any time. If you or someone else is in immediate danger, call",
        "crisis_summary_er": "or go to the nearest emergency department.",
        "crisis_summary_more": "More crisis lines",
        "source": "Source",
        "in_english": "",
        "verified": "These numbers were last checked on",
        "reviewed": "Last reviewed on",
        "reviewed_by": "by",
        "page_links": "About this page",
        "report": "Report a mistake on this page",
        "edit": "Edit (staff)",
        "not_found_title": "We could not find that page",
        "not_found_text": "The page may have moved, or the address may have a typo.",
        "not_found_find": "Find a therapist",
        "not_found_learn": "Learn about therapy",
        "not_found_home": "Go to the home page",
        "not_found_help": "If you need help now, see",
        "not_found_crisis": "crisis and urgent help",
        "untranslated": "",
        "accepting": "Accepting new clients",
        "not_accepting": "Not accepting new clients",
        "languages": "Languages",
        "sessions": "Sessions",
        "specialties": "Areas of practice",
        "approaches": "Approaches",
        "works_with": "Works with",
        "details": "Details",
        "about": "About",
        "bio_in_english": "",
        "fees": "Fees",
        "individual_fee": "Individual session",
        "couples_fee": "Couples session",
        "sliding_yes": "Offers a sliding scale (a lower fee for people with less income). Ask when you book.",
        "sliding_no": "Does not offer a sliding scale.",
        "fees_plan": "Your extended health plan may pay for some sessions. Read",
        "fees_plan_link": "cost and coverage",
        "fees_plan_after": "to learn what to ask.",
        "registration": "Registration",
        "registered_with": "is registered with the",
        "registered_as": "as",
        "registration_number": "Registration number",
        "check_register": "Check this registration on the {college} public register",
        "check_register_how": "You can search it by name or registration number.",
        "why_check": "Why checking matters",
        "pronouns": "Pronouns",
        "book_with": "Book with",
        "email": "Email",
        "call": "Call",
        "contact": "Contact",
        "no_health_email": "Please do not send health details by email. Share them in your first session instead.",
        "back_to_all": "Back to all therapists",
        "all_therapists": "All therapists",
        "therapists": "Therapists",
        "browse_by": "Browse therapists by",
        "by": "Therapists by {facet}",
        "browse_description": "Browse our therapists by {facet}.",
        "accepting_title": "Therapists accepting new clients",
        "accepting_description": "Therapists who are accepting new clients now.",
        "accepting_empty": "No therapist is accepting new clients right now. Please check again soon.",
        "accepting_pages": "Pages of therapists accepting new clients",
        "facet_description": "Therapists at {site} for {facet}: {term}.",
        "directory_description": "All therapists at {site}, page {number}.",
        "page_n": "{title}, page {number}",
        "none_listed": "No therapists are listed yet.",
        "none_for_this": "No therapists are listed for this yet.",
        "new_to": "New to {term}? Read",
        "what_is": "what {term} is",
        "pages_of": "{term} pages",
        "all_options": "All {facet} options",
        "one_therapist": "therapist",
        "many_therapists": "therapists",
        "showing_page": "showing {shown}, page {number} of {pages}",
        "status_paged": "Showing {shown} of {total} therapists (page {number} of {pages}).",
        "status_one": "Showing the one therapist listed.",
        "status_all": "Showing all {total} therapists.",
        "filters": "Filters",
        "help_me_choose": "Help me choose",
        "filter_list": "Filter the list",
        "any": "Any",
        "clear": "Clear filters",
        "show_more": "Show more",
        "directory_pages": "Directory pages",
        "former": "{name} no longer practises at {site}.",
        "former_help": "If you were seeing {name} and need your records or a referral, please contact the practice. You can also",
        "former_link": "find another therapist in our directory",
        "offering_closed": "not accepting new clients",
        "offering_all": "See all {total} therapists who offer {approach}",
        "offering_none": "None of our therapists lists {approach} right now.",
        "see_all": "See all therapists",
        "profile_description": "{name}: {status}, {languages}; {accepting}.",
        "former_description": "{name}: no longer practises here.",
        "accepting_lower": "accepting new clients",
        "not_accepting_lower": "not accepting new clients",
        "filter_accepting": "Only therapists accepting new clients",
        "question_accepting": "Only show therapists who are accepting new clients",
        "question_area-of-practice": "What would you like help with?",
        "question_language": "Which language would you like to speak in sessions?",
        "question_format": "How would you like to meet?",
        "question_clients": "Who is the therapy for?",
        "heading_area-of-practice": "Area of practice",
        "heading_approach": "Approach",
        "heading_language": "Language",
        "heading_format": "Format",
        "heading_clients": "Client group",
        "in_french_link": "",
    }
)

_FR = MappingProxyType(
    {
        "home": "fr/",
        "crisis_banner_lead": "En crise?",
        "crisis_banner_call": "Appelez ou textez le",
        "crisis_banner_anytime": "en tout temps.",
        "crisis_banner_emergency": "En cas d'urgence, composez le",
        "crisis_more": "Plus d'aide",
        "crisis_box_heading": "Besoin d'aide maintenant?",
        "crisis_box_not_emergency": "n'est pas un service d'urgence et ne peut pas répondre aux messages tout de suite.",
        "crisis_box_911": "Si vous ou une autre personne êtes en danger immédiat, composez le",
        "crisis_box_911_after": "ou allez à l'urgence la plus proche.",
        "crisis_box_988": "Si vous pensez au suicide ou si vous vous inquiétez pour quelqu'un, appelez ou textez le",
        "crisis_box_988_after": "C'est gratuit et ouvert 24 heures sur 24, en français et en anglais.",
        "crisis_box_all": "Toute l'aide en cas de crise",
        "crisis_summary_title": "Si vous pensez au suicide",
        "crisis_summary_text": "Vous n'êtes pas seul. De l'aide existe, maintenant. Appelez ou textez le",
        "crisis_summary_anytime": "en tout temps. Si vous ou une autre personne êtes en danger immédiat, composez le",
        "crisis_summary_er": "ou allez à l'urgence la plus proche.",
        "crisis_summary_more": "Autres lignes d'aide",
        "source": "Source",
        "in_english": "en anglais",
        "verified": "Ces numéros ont été vérifiés le",
        "reviewed": "Révisé le",
        "reviewed_by": "par",
        "page_links": "À propos de cette page",
        "report": "Signaler une erreur sur cette page",
        "edit": "Modifier (personnel)",
        "not_found_title": "Nous n'avons pas trouvé cette page",
        "not_found_text": "La page a peut-être changé d'adresse, ou l'adresse contient une faute de frappe.",
        "not_found_find": "Trouver un thérapeute",
        "not_found_learn": "En savoir plus sur la thérapie",
        "not_found_home": "Aller à la page d'accueil",
        "not_found_help": "Si vous avez besoin d'aide maintenant, consultez",
        "not_found_crisis": "l'aide en cas de crise",
        "untranslated": "Cette page n'est pas encore traduite. Elle est affichée en anglais.",
        "accepting": "Accepte de nouveaux clients",
        "not_accepting": "N'accepte pas de nouveaux clients",
        "languages": "Langues",
        "sessions": "Séances",
        "specialties": "Motifs de consultation",
        "approaches": "Approches",  # codespell:ignore
        "works_with": "Travaille avec",
        "details": "Détails",
        "about": "À propos",
        "bio_in_english": "Cette présentation n'existe qu'en anglais.",
        "fees": "Tarifs",
        "individual_fee": "Séance individuelle",
        "couples_fee": "Séance de couple",
        "sliding_yes": "Offre une échelle mobile (un tarif réduit pour les personnes à faible revenu). "
        "Demandez-le au moment de réserver.",
        "sliding_no": "N'offre pas d'échelle mobile.",
        "fees_plan": "Votre assurance complémentaire peut payer certaines séances. Lisez",
        "fees_plan_link": "coûts et couverture",
        "fees_plan_after": "pour savoir quoi demander.",
        "registration": "Inscription",
        "registered_with": "est membre de l'",
        "registered_as": "à titre de",
        "registration_number": "Numéro d'inscription",
        "check_register": "Vérifier cette inscription dans le tableau public de l'ordre ({college})",
        "check_register_how": "Vous pouvez chercher par nom ou par numéro d'inscription.",
        "why_check": "Pourquoi vérifier",
        "pronouns": "Pronoms",
        "book_with": "Prendre rendez-vous avec",
        "email": "Courriel",
        "call": "Appeler le",
        "contact": "Joindre",
        "no_health_email": "N'envoyez pas de détails sur votre santé par courriel. Parlez-en plutôt à votre première séance.",
        "back_to_all": "Retour à tous les thérapeutes",
        "all_therapists": "Tous les thérapeutes",
        "therapists": "Thérapeutes",
        "browse_by": "Parcourir les thérapeutes par",
        "by": "Thérapeutes par {facet}",
        "browse_description": "Parcourir nos thérapeutes par {facet}.",
        "accepting_title": "Thérapeutes qui acceptent de nouveaux clients",
        "accepting_description": "Les thérapeutes qui acceptent de nouveaux clients maintenant.",
        "accepting_empty": "Aucun thérapeute n'accepte de nouveaux clients en ce moment. Revenez bientôt.",
        "accepting_pages": "Pages des thérapeutes qui acceptent de nouveaux clients",
        "facet_description": "Thérapeutes de {site}, {facet} : {term}.",
        "directory_description": "Tous les thérapeutes de {site}, page {number}.",
        "page_n": "{title}, page {number}",
        "none_listed": "Aucun thérapeute n'est encore inscrit.",
        "none_for_this": "Aucun thérapeute n'est encore inscrit pour ce choix.",
        "new_to": "Vous découvrez {term}? Lisez",
        "what_is": "ce qu'est la {term}",
        "pages_of": "Pages : {term}",
        "all_options": "Tous les choix ({facet})",
        "one_therapist": "thérapeute",
        "many_therapists": "thérapeutes",
        "showing_page": "{shown} affichés, page {number} sur {pages}",
        "status_paged": "{shown} thérapeutes sur {total} (page {number} sur {pages}).",
        "status_one": "Le seul thérapeute inscrit est affiché.",
        "status_all": "Les {total} thérapeutes sont affichés.",
        "filters": "Filtres",
        "help_me_choose": "Aidez-moi à choisir",
        "filter_list": "Filtrer la liste",
        "any": "Tous",
        "clear": "Effacer les filtres",
        "show_more": "Afficher plus",
        "directory_pages": "Pages du répertoire",
        "former": "{name} ne pratique plus à {site}.",
        "former_help": "Si vous consultiez {name} et avez besoin de votre dossier ou d'une orientation vers un collègue, "
        "communiquez avec nous. Vous pouvez aussi",
        "former_link": "trouver un autre thérapeute dans notre répertoire",
        "offering_closed": "n'accepte pas de nouveaux clients",
        "offering_all": "Voir les {total} thérapeutes qui offrent : {approach}",
        "offering_none": "Aucun de nos thérapeutes n'offre cette approche en ce moment ({approach}).",  # codespell:ignore
        "see_all": "Voir tous les thérapeutes",
        "profile_description": "{name} : {status}, {languages}; {accepting}.",
        "former_description": "{name} : ne pratique plus ici.",
        "accepting_lower": "accepte de nouveaux clients",
        "not_accepting_lower": "n'accepte pas de nouveaux clients",
        "filter_accepting": "Seulement les thérapeutes qui acceptent de nouveaux clients",
        "question_accepting": "Afficher seulement les thérapeutes qui acceptent de nouveaux clients",
        "question_area-of-practice": "Pour quoi voulez-vous de l'aide?",
        "question_language": "Dans quelle langue voulez-vous parler pendant les séances?",
        "question_format": "Comment voulez-vous vous rencontrer?",
        "question_clients": "Pour qui est la thérapie?",
        "heading_area-of-practice": "Motif de consultation",
        "heading_approach": "Approche",  # codespell:ignore
        "heading_language": "Langue",
        "heading_format": "Format",
        "heading_clients": "Clientèle",
        "in_french_link": "Thérapeutes qui offrent des séances en français",
    }
)

STRINGS = MappingProxyType({"en": _EN, "fr": _FR})


def of(language: str) -> MappingProxyType:
    """The string table of `language` (the default language's for any other)."""
    return STRINGS.get(language, STRINGS[DEFAULT])


def heading(kind: str, language: str) -> str:
    """A facet's heading, e.g. "Language" or "Langue"."""
    return of(language)[f"heading_{kind}"]


_MONTHS_FR = (
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()  # codespell:ignore
)


def long_date(day: date, language: str) -> str:
    """A date as readers write it: "November 28, 2026" or "28 novembre 2026"."""
    if language == "fr":
        return f"{day.day} {_MONTHS_FR[day.month - 1]} {day.year}"
    return f"{day:%B} {day.day}, {day.year}"


def current_language(config) -> str:
    """The language the i18n plugin is building now ("en" when the plugin is not in use)."""
    plugin = config.plugins.get("i18n")
    return getattr(plugin, "current_language", None) or DEFAULT
