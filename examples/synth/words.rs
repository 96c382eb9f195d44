//! Word banks of the synthetic corpus: French and Dutch titles, descriptors,
//! addressees, authors and sentence templates, written with the accents,
//! ligatures and typographic quotes of real Senate pages.

/// Policy domains: (French, Dutch).
pub const DOMAINS: &[(&str, &str)] = &[
    ("Services publics fédéraux", "Federale overheidsdiensten"),
    ("Sécurité sociale", "Sociale zekerheid"),
    ("Énergie", "Energie"),
    ("Santé publique", "Volksgezondheid"),
    ("Mobilité", "Mobiliteit"),
    ("Défense nationale", "Landsverdediging"),
    ("Justice", "Justitie"),
    ("Fiscalité", "Fiscaliteit"),
    ("Emploi", "Werkgelegenheid"),
    ("Affaires étrangères", "Buitenlandse zaken"),
    ("Environnement", "Leefmilieu"),
    ("Télécommunications", "Telecommunicatie"),
];

/// Subjects: (French, Dutch).
pub const SUBJECTS: &[(&str, &str)] = &[
    (
        "Communication avec les citoyens",
        "Communicatie met burgers",
    ),
    ("Marchés publics", "Overheidsopdrachten"),
    ("Protection des données", "Gegevensbescherming"),
    ("Personnel contractuel", "Contractueel personeel"),
    ("Coopération internationale", "Internationale samenwerking"),
    ("Contrôle budgétaire", "Begrotingscontrole"),
    ("Sécurité informatique", "Informaticaveiligheid"),
    ("Égalité des chances", "Gelijke kansen"),
    ("Bien-être au travail", "Welzijn op het werk"),
    ("Développement durable", "Duurzame ontwikkeling"),
];

/// Aspects closing a title: (French, Dutch).
pub const ASPECTS: &[(&str, &str)] = &[
    ("Recours aux médias sociaux", "Gebruik van sociale media"),
    (
        "Mise en œuvre des recommandations",
        "Uitvoering van de aanbevelingen",
    ),
    (
        "Coût des consultants externes",
        "Kostprijs van externe consultants",
    ),
    (
        "Délais de traitement des dossiers",
        "Behandelingstermijnen van dossiers",
    ),
    ("Télétravail", "Telewerk"),
    ("Réseaux de fibre optique", "Glasvezelnetwerken"),
    ("Évaluation des résultats", "Evaluatie van de resultaten"),
    ("Formation du personnel", "Opleiding van het personeel"),
    ("Plaintes des usagers", "Klachten van gebruikers"),
    (
        "Efficiënce énergétique des bâtiments",
        "Energie-efficiëntie van gebouwen",
    ),
];

/// Descriptors: (French, Dutch).
pub const DESCRIPTORS: &[(&str, &str)] = &[
    ("ministère", "ministerie"),
    ("communauté virtuelle", "virtuele gemeenschap"),
    ("sensibilisation du public", "bewustmaking van de burgers"),
    (
        "relation administration-administré",
        "betrekking tussen overheid en burger",
    ),
    ("médias sociaux", "sociale media"),
    ("fonction publique", "openbaar ambt"),
    (
        "protection de la vie privée",
        "bescherming van de persoonlijke levenssfeer",
    ),
    ("télétravail", "telewerk"),
    ("énergie renouvelable", "hernieuwbare energie"),
    ("marché public", "overheidsopdracht"),
    ("sécurité informatique", "informaticabeveiliging"),
    ("coût", "kosten"),
    ("statistique officielle", "officiële statistiek"),
    ("égalité de traitement", "gelijke behandeling"),
];

/// Addressees with their article: (French, Dutch).
pub const ADDRESSEES: &[(&str, &str)] = &[
    ("au premier ministre", "aan de eerste minister"),
    (
        "au vice-premier ministre et ministre des Affaires étrangères, du Commerce extérieur et des Affaires européennes",
        "aan de vice-eersteminister en minister van Buitenlandse Zaken, Buitenlandse Handel en Europese Zaken",
    ),
    (
        "à la vice-première ministre et ministre de l'Intérieur et de l'Égalité des Chances",
        "aan de vice-eersteminister en minister van Binnenlandse Zaken en Gelijke Kansen",
    ),
    (
        "au vice-premier ministre et ministre des Pensions",
        "aan de vice-eersteminister en minister van Pensioenen",
    ),
    ("à la ministre de l'Emploi", "aan de minister van Werk"),
    (
        "au ministre des Finances, chargé de la Fonction publique",
        "aan de minister van Financiën, belast met Ambtenarenzaken",
    ),
    (
        "à la ministre de la Justice",
        "aan de minister van Justitie",
    ),
    (
        "au ministre de la Défense",
        "aan de minister van Landsverdediging",
    ),
    (
        "à la ministre des Affaires sociales et de la Santé publique",
        "aan de minister van Sociale Zaken en Volksgezondheid",
    ),
    (
        "au ministre de l'Économie, des Consommateurs et de la Mer du Nord",
        "aan de minister van Economie, Consumenten en Noordzee",
    ),
    (
        "au ministre de la Mobilité",
        "aan de minister van Mobiliteit",
    ),
    (
        "au secrétaire d'État à l'Asile et la Migration",
        "aan de staatssecretaris voor Asiel en Migratie",
    ),
    (
        "à la ministre de l'Énergie, de l'Environnement et du Développement durable",
        "aan de minister van Energie, Leefmilieu en Duurzame Ontwikkeling",
    ),
    (
        "au ministre de la Coopération au développement",
        "aan de minister van Ontwikkelingssamenwerking",
    ),
    (
        "au secrétaire d'État à la Lutte contre la fraude sociale",
        "aan de staatssecretaris voor de Bestrijding van de sociale fraude",
    ),
    (
        "à la ministre des Classes moyennes, des PME et des Indépendants",
        "aan de minister van Middenstand, KMO's en Zelfstandigen",
    ),
    (
        "au ministre des Télécommunications et de la Poste",
        "aan de minister van Telecommunicatie en Post",
    ),
    (
        "au ministre de l'Agriculture",
        "aan de minister van Landbouw",
    ),
    (
        "à la secrétaire d'État aux Personnes handicapées",
        "aan de staatssecretaris voor Personen met een handicap",
    ),
    (
        "au ministre des Entreprises publiques",
        "aan de minister van Overheidsbedrijven",
    ),
];

/// Authors: (name, party).
pub const AUTHORS: &[(&str, &str)] = &[
    ("Martine Taelman", "Open Vld"),
    ("Gaëtan Van Goidsenhoven", "MR"),
    ("Joëlle Kapompolé", "PS"),
    ("Bert Anciaux", "sp.a"),
    ("Cécile Thibaut", "Ecolo"),
    ("Nele Lijnen", "Open Vld"),
    ("André du Bus de Warnaffe", "cdH"),
    ("Karl Vanlouwe", "N-VA"),
    ("Zoé Genot", "Ecolo"),
    ("Jan Becaus", "N-VA"),
    ("François Bellot", "MR"),
    ("Elke Sleurs", "N-VA"),
    ("Benoît Hellings", "Ecolo"),
    ("Sabine de Bethune", "CD&V"),
];

/// French question sentences; `{s}` is a service, `{t}` a topic, `{n}` a number.
pub const FR_CONTEXT: &[&str] = &[
    "Ces dernières années, nos entreprises et nos autorités ont découvert l'atout majeur que constituent les médias sociaux pour entretenir des contacts rapides avec les citoyens.",
    "Selon un rapport récent de la Cour des comptes, {s} consacre près de {n} millions d’euros par an à {t}.",
    "La presse a fait état à plusieurs reprises de difficultés rencontrées par {s} dans le domaine de {t}.",
    "Le gouvernement s’est engagé, dans l’accord de gouvernement, à améliorer la mise en œuvre de {t}.",
    "Il me revient que {s} n’a pas encore adopté de politique spécifique en matière de {t}, ce qui suscite des inquiétudes légitimes.",
    "Les chiffres publiés par l’administration montrent une évolution préoccupante : {n} % des dossiers relatifs à {t} ne sont pas traités dans les délais.",
    "Plusieurs associations ont dénoncé le manque de transparence de {s} quant à {t} et réclament une « véritable stratégie » en la matière.",
];

/// French sub-questions.
pub const FR_ASKS: &[&str] = &[
    "Les services qui relèvent de votre compétence recourent-ils à {t} ? Dans l'affirmative, lesquels ? Dans la négative, projette-t-on de le faire à l'avenir ?",
    "Comment évaluez-vous l'efficacité de {s} en matière de {t} ? Quelles réactions reçoit-on des citoyens ?",
    "Combien de membres du personnel sont-ils affectés à {t} au sein de {s} ? Pouvez-vous ventiler ces chiffres par année depuis {y} ?",
    "Quel est le coût total de {t} pour {s} au cours des {n} dernières années ?",
    "Existe-t-il une politique spécifique à cet effet ? Quelles mesures avez-vous prises pour assurer la mise en œuvre de vos engagements ?",
    "A-t-on enregistré des cas d'abus ou d'erreurs liés à {t} ? Êtes-vous, dans votre domaine de compétences, attentif à ce problème ?",
    "Envisagez-vous une concertation avec les Régions et les Communautés au sujet de {t} ? Selon quel calendrier ?",
];

/// French answer sentences.
pub const FR_ANSWERS: &[&str] = &[
    "{S} a fait le choix de se lancer sur les réseaux sociaux via la création d’une page Facebook et d’un compte Twitter.",
    "Depuis {y}, {s} a consacré {n} équivalents temps plein à {t}, ce qui représente une hausse sensible par rapport aux années précédentes.",
    "Les informations diffusées sont soigneusement sélectionnées en concertation avec le porte-parole et, dans la mesure du possible, évitent toute controverse.",
    "Le coût total s’élève à {n} 250 euros, hors TVA, dont l’essentiel a été consacré à la formation du personnel.",
    "Nous n’avons jusqu’ici enregistré aucune information erronée ; les rares incidents ont été traités dans la journée.",
    "Une évaluation approfondie de {t} est prévue pour la fin de l’année ; ses résultats seront communiqués au Parlement.",
    "La mise en œuvre des recommandations de l’audit interne est suivie par un comité de pilotage qui se réunit tous les {n} mois.",
    "Bien utilisés, les médias sociaux permettent une promotion efficace, actuelle et à moindre coût de l’image de {s}.",
    "Il n’existe pas de statistiques ventilées de cette manière ; l’administration ne dispose que de données agrégées.",
    "Les « bonnes pratiques » élaborées par le réseau fédéral de communication – le Comm Collège – servent de référence à tous les services.",
];

/// Dutch question sentences.
pub const NL_CONTEXT: &[&str] = &[
    "De jongste jaren hebben onze bedrijven en overheden de sociale media ontdekt als een belangrijke troef om snel en makkelijk contact te onderhouden met burgers.",
    "Volgens een recent verslag van het Rekenhof besteedt {s} jaarlijks bijna {n} miljoen euro aan {t}.",
    "De pers heeft herhaaldelijk bericht over moeilijkheden bij {s} op het vlak van {t}.",
    "De regering heeft zich in het regeerakkoord geëngageerd om de uitvoering van {t} te verbeteren.",
    "Ik verneem dat {s} nog geen specifiek beleid inzake {t} heeft uitgewerkt, wat terechte ongerustheid doet ontstaan.",
    "Uit de cijfers van de administratie blijkt een zorgwekkende evolutie: {n} % van de dossiers over {t} wordt niet tijdig behandeld.",
];

/// Dutch sub-questions.
pub const NL_ASKS: &[&str] = &[
    "Maken de diensten die onder uw bevoegdheid vallen gebruik van {t}? Zo ja, welke? Zo neen, plant men dit in de toekomst?",
    "Hoe evalueert u de efficiëntie van {s} inzake {t}? Welke reacties krijgt men van de burgers?",
    "Hoeveel personeelsleden zijn binnen {s} belast met {t}? Kunt u deze cijfers per jaar opsplitsen sinds {y}?",
    "Wat is de totale kostprijs van {t} voor {s} in de voorbije {n} jaar?",
    "Bestaat er een specifiek beleid ter zake? Welke maatregelen heeft u genomen om uw engagementen te realiseren?",
    "Werden er gevallen van misbruik of fouten in verband met {t} geregistreerd? Bent u zich binnen uw bevoegdheden bewust van dit probleem?",
];

/// Dutch answer sentences.
pub const NL_ANSWERS: &[&str] = &[
    "{S} heeft ervoor gekozen om actief te zijn op de sociale netwerken via een Facebookpagina en een Twitteraccount.",
    "Sinds {y} heeft {s} {n} voltijdse equivalenten ingezet voor {t}, wat een gevoelige stijging betekent ten opzichte van de vorige jaren.",
    "De verspreide informatie wordt zorgvuldig geselecteerd in overleg met de woordvoerder en vermijdt zoveel mogelijk elke controverse.",
    "De totale kostprijs bedraagt {n} 250 euro, exclusief btw, waarvan het grootste deel naar de opleiding van het personeel ging.",
    "Tot nu toe werd geen enkele foutieve informatie geregistreerd; de zeldzame incidenten werden binnen de dag afgehandeld.",
    "Een grondige evaluatie van {t} is gepland tegen het einde van het jaar; de resultaten zullen aan het Parlement worden meegedeeld.",
    "De opvolging van de aanbevelingen van de interne audit gebeurt door een stuurgroep die om de {n} maanden samenkomt.",
    "Er bestaan geen statistieken die op die manier zijn opgesplitst; de administratie beschikt enkel over geaggregeerde gegevens.",
    "De „goede praktijken” van het federale communicatienetwerk zijn een financiële en inhoudelijke leidraad voor alle diensten.",
];

/// Services named in the text: (French, Dutch).
pub const SERVICES: &[(&str, &str)] = &[
    ("le SPF Finances", "de FOD Financiën"),
    ("le SPF Affaires étrangères", "de FOD Buitenlandse Zaken"),
    ("le SPF Intérieur", "de FOD Binnenlandse Zaken"),
    ("la Régie des Bâtiments", "de Regie der Gebouwen"),
    (
        "l’Office national de l’emploi",
        "de Rijksdienst voor Arbeidsvoorziening",
    ),
    ("le SPF Santé publique", "de FOD Volksgezondheid"),
    ("la Défense", "Defensie"),
    ("le SPF Économie", "de FOD Economie"),
];

/// Topics named in the text: (French, Dutch).
pub const TOPICS: &[(&str, &str)] = &[
    ("la communication numérique", "de digitale communicatie"),
    (
        "la protection des données à caractère personnel",
        "de bescherming van persoonsgegevens",
    ),
    ("la sécurité des réseaux", "de beveiliging van de netwerken"),
    ("la formation des agents", "de opleiding van de ambtenaren"),
    ("l’accueil des usagers", "het onthaal van de gebruikers"),
    (
        "la réduction de la consommation d’énergie",
        "de vermindering van het energieverbruik",
    ),
    (
        "les marchés publics de services",
        "de overheidsopdrachten voor diensten",
    ),
    ("le télétravail", "het telewerk"),
    ("la lutte contre la fraude", "de fraudebestrijding"),
];

/// Platform names as answers write them.
pub const PLATFORMS: &[&str] = &[
    "Facebook",
    "Twitter",
    "YouTube",
    "LinkedIn",
    "Instagram",
    "Flickr",
    "TikTok",
    "Vimeo",
    "Google+",
    "X (formerly Twitter)",
];

/// French sentences about social media: `{P}` a platform, `{N}` a count,
/// `{H}` a handle, `{F}` full-time equivalents.
pub const FR_SOCIAL: &[&str] = &[
    "Le SPF dispose d'une page {P} qui compte {N} abonnés.",
    "Notre compte {P} @{H} totalise {N} publications et {N} j'aime.",
    "Le SPF n'utilise pas {P}.",
    "Nous ne disposons pas d'un compte {P}.",
    "Le SPF n'utilise aucun réseau social.",
    "Une charte encadre l'usage des médias sociaux.",
    "La cellule de communication consacre {F} ETP aux médias sociaux.",
    "Un budget de {N} euros est consacré aux réseaux sociaux.",
    "Le compte a été ouvert il y a environ 6 mois.",
];

/// Dutch sentences about social media (same placeholders).
pub const NL_SOCIAL: &[&str] = &[
    "De FOD heeft een {P}pagina met {N} volgers.",
    "Ons account op {P} @{H} telt {N} berichten en {N} vind-ik-leuks.",
    "De FOD maakt geen gebruik van {P}.",
    "Wij hebben geen account op {P}.",
    "Er is een richtlijn voor het gebruik van sociale media.",
    "Het webteam besteedt {F} VTE aan sociale media.",
    "Voor advertenties op sociale media werd {N} euro uitgegeven.",
];
