/**
 * What automatic answers say, per language and family, written against the
 * folded text (lower case, no diacritics, ł→l, ø→o, æ→ae, ß→ss; see
 * foldBody). Three strengths:
 *
 * - `strong`: a statement people do not write in an answer ("this is an
 *   automatic reply", "this mailbox is not monitored", "we have received
 *   your request", "X is no longer with the company"): automatic on its own.
 * - `absence`: "I am out of the office / on leave / on vacation", in the
 *   present or future only ("I was out last week" is a person explaining a
 *   late answer). Automatic together with one of the absence markers
 *   (until, back on, urgent matters, contact, limited access…), unless the
 *   message also carries substance ("here is the quote", "attached"):
 *   then it is a person who happens to be away, and counts.
 * - `weak`: phrasing that robots and people both use ("thank you for your
 *   email, we will get back to you"): only supporting evidence, never
 *   flagged on its own.
 *
 * "No longer with the company" is weighed like an absence statement against
 * substance: "Mr Braun has left, I have taken over — the deadline is fine"
 * is a person answering.
 */

export type AutoFamily =
  | 'automatic'
  | 'out-of-office'
  | 'vacation'
  | 'parental-leave'
  | 'sick-leave'
  | 'left-company'
  | 'acknowledgement'
  | 'unmonitored';

export type Lang = 'en' | 'de' | 'fr' | 'es' | 'it' | 'nl' | 'pt' | 'pl' | 'sv' | 'da' | 'nb';
export type Strength = 'strong' | 'absence' | 'weak';

export interface PhraseRule {
  lang: Lang;
  family: AutoFamily;
  strength: Strength;
  re: RegExp;
}

const rules: PhraseRule[] = [];
const add = (lang: Lang, family: AutoFamily, strength: Strength, ...res: RegExp[]) => {
  for (const re of res) rules.push({ lang, family, strength, re });
};

// English
add('en', 'automatic', 'strong',
  /\bthis is an? (automatic|automated|auto-?generated|auto) ?(-|)(reply|response|message|e-?mail|notification|acknowledge?ment)/,
  /\b(this|the) (e-?mail|message|reply|response) (was|has been|is) (sent |generated |created )?(automatically|by an automated system)/,
  /\b(automatic|automated|auto-?generated) (reply|response|message|e-?mail)\b.{0,60}\b(do not|don't|please don't) reply/,
  /^(automatic reply|auto-?reply|auto-?response|automated response|out of (the )?office( reply| notice| auto-?reply)?)\s*[:\-–]/,
);
add('en', 'unmonitored', 'strong',
  /\b(this|the) (mailbox|inbox|e-?mail address|address|e-?mail account|account) is (not|no longer|not being) (monitored|checked|read|attended|in use|active)/,
  /\b(replies|responses|e-?mails|messages) (to|sent to) this (address|mailbox|e-?mail( address)?|message) (are|will) not (be )?(monitored|read|answered|received)/,
  /\bplease do not (reply|respond) (to|directly to) this (e-?mail|message|address|notification)/,
  /\bdo not reply to this (e-?mail|message)/,
  /\bthis is a (no-?reply|send-?only|unmonitored) (address|mailbox|e-?mail)/,
);
add('en', 'left-company', 'strong',
  /\b(is|am) no longer (with|at|employed (by|at|with)|working (for|at|with)|part of|a member of) /,
  /\b(has|have) (left|departed) (the company|the firm|the organi[sz]ation|the team|[a-z]+ (inc|ltd|gmbh|llc))/,
  /\bno longer (works|working) (at|for|with) /,
);
add('en', 'acknowledgement', 'strong',
  /\bwe (have|'ve) (successfully )?received your (e-?mail|message|request|inquiry|enquiry|ticket|application|order|submission|support request|query)/,
  /\bwe('ve| have)? got your (e-?mail|message|request|inquiry|enquiry|ticket) and (will|we'll)/,
  /\byour (support )?(request|ticket|message|e-?mail|case|inquiry|enquiry|query)( \(?#?[a-z0-9-]*\d[a-z0-9-]*\)?)? (has been|was|is) (successfully )?(received|created|logged|opened|registered|submitted)/,
  /\b(ticket|case|request|reference|tracking) (number|no\.?|id|#)\s*(is\s*)?[:#]?\s*#?[a-z]{0,6}-?\d{3,}/,
  /\bthis is an acknowledge?ment (of|that)/,
  /\ba (support )?ticket has been (created|opened)/,
);
add('en', 'acknowledgement', 'weak',
  /\bthank(s| you) for (contacting|reaching out to|writing to|your (e-?mail|message) to) (us|our|the [a-z]+ team|[a-z]+ (support|team|service|customer service))/,
  /\b(we|our team|a member of (our|the) team|one of our (agents|representatives|team members)|someone from our team) will (get back to you|respond|reply|be in touch|contact you|review your)/,
  /\bwithin (\d+|one|two|three|24|48) (business |working )?(hours|days)\b/,
);
add('en', 'out-of-office', 'absence',
  /\b(i am|i'm|i will be|i'll be|i shall be|[a-z]+ is|[a-z]+ will be) (currently |presently |now |also )?(out of (the )?office|ooo\b|away from (the|my) (office|desk|e-?mail)|out of the country|travell?ing|on a business trip|on business travel|at a conference|attending a conference|away|not in the office|offline|off work|away from (my )?(computer|laptop|keyboard))/,
  /^out of (the )?office\b/,
  /\b(i am|i'm|i will be|i'll be) (currently )?(unavailable|not available|absent)/,
  /\b(i have|i've) (limited|no) access to (my )?e-?mail/,
);
add('en', 'vacation', 'absence', /\b(i am|i'm|i will be|i'll be|[a-z]+ is) (currently |presently |now )?(on (annual |summer |winter |christmas |a )?(vacation|holiday|holidays|annual leave|leave|pto|sabbatical)|taking (some )?time off)/);
add('en', 'parental-leave', 'absence', /\b(i am|i'm|i will be|i'll be|[a-z]+ is) (currently |presently |now )?on (maternity|paternity|parental|family|adoption) leave/);
add('en', 'sick-leave', 'absence', /\b(i am|i'm|i will be|i'll be|[a-z]+ is) (currently |presently |now )?(on sick leave|on medical leave|out sick|off sick|ill\b|unwell)/);

// German
add('de', 'automatic', 'strong',
  /\bdies ist eine automatische? (antwort|nachricht|e-?mail|benachrichtigung|abwesenheitsnotiz|eingangsbestatigung)/,
  /\b(diese|die) (nachricht|e-?mail|antwort|mail) wurde automatisch (generiert|erstellt|versendet|verschickt|versandt)/,
  /\bautomatisch (generierte|erstellte|versendete) (nachricht|e-?mail|antwort)/,
  /^(automatische antwort|abwesenheitsnotiz|abwesenheitsmeldung)\s*[:\-–]/,
);
add('de', 'unmonitored', 'strong',
  /\b(dieses|das) (postfach|e-?mail-?postfach|e-?mail-?konto|konto|mailkonto)( wird| ist)? (nicht|nicht mehr) (uberwacht|gelesen|abgerufen|betreut|besetzt|aktiv)/,
  /\b(diese|die) (e-?mail-?adresse|adresse) (wird|ist) (nicht|nicht mehr) (uberwacht|gelesen|abgerufen|betreut|aktiv)/,
  /\bbitte antworten sie nicht (auf|direkt auf) diese/,
  /\bantworten auf diese (e-?mail|nachricht) (werden|konnen) nicht (gelesen|bearbeitet|beantwortet)/,
);
add('de', 'left-company', 'strong',
  /\b(ist|bin) nicht mehr (im unternehmen|in unserem unternehmen|in der firma|in unserer firma|mitarbeiter|mitarbeiterin|tatig|beschaftigt|(bei|fur) (uns|unser unternehmen|unserem unternehmen|die firma|der firma|unsere firma|unserer firma)\b)/,
  /\bhat (das unternehmen|unser unternehmen|die firma|unsere firma|uns) verlassen/,
  /\b(ist|bin) aus dem unternehmen ausgeschieden/,
);
add('de', 'acknowledgement', 'strong',
  /\bwir haben ihre (nachricht|anfrage|e-?mail|mail|bestellung|bewerbung|supportanfrage) (erhalten|empfangen)/,
  /\bihre (nachricht|anfrage|e-?mail|mail|supportanfrage)( \(?#?[a-z0-9-]*\d[a-z0-9-]*\)?)? (ist|wurde) (bei uns )?(eingegangen|erhalten|registriert|erfasst|angelegt)/,
  /\b(ticket|vorgangs|anfrage|referenz)-?(nummer|nr\.?|id)\s*(lautet\s*)?[:#]?\s*#?[a-z]{0,6}-?\d{3,}/,
  /\beingangsbestatigung\b/,
);
add('de', 'acknowledgement', 'weak',
  /\b(vielen dank|danke) fur ihre (nachricht|anfrage|e-?mail|mail)\b/,
  /\bwir (werden uns|melden uns) (so schnell wie moglich|schnellstmoglich|in kurze|umgehend|zeitnah)/,
);
add('de', 'out-of-office', 'absence',
  /\b(ich bin|ich befinde mich|bin ich|befinde ich mich|[a-z]+ ist)\b.{0,60}?\b(nicht im (buro|hause|haus)|abwesend|auss?er haus|nicht erreichbar|auf (geschafts|dienst)reise|unterwegs|nicht am arbeitsplatz|ausser dem haus)/,
  /\b(ich bin|bin ich)\b.{0,60}?\b(nur eingeschrankt|nur sehr eingeschrankt|nicht) (erreichbar|per e-?mail erreichbar)/,
);
add('de', 'vacation', 'absence', /\b(ich bin|bin ich|ich befinde mich|befinde ich mich|[a-z]+ ist)\b.{0,60}?\b(im urlaub|in urlaub|in den ferien|im jahresurlaub)/);
add('de', 'parental-leave', 'absence', /\b(ich bin|bin ich|ich befinde mich|befinde ich mich|[a-z]+ ist)\b.{0,60}?\b(in elternzeit|im mutterschutz|in mutterschutz|in karenz)/);
add('de', 'sick-leave', 'absence', /\b(ich bin|bin ich|[a-z]+ ist)\b.{0,60}?\b(krank|krankgeschrieben|erkrankt|arbeitsunfahig)/);

// French
add('fr', 'automatic', 'strong',
  /\b(ceci|ce message|cet e-?mail|ce courriel) (est|constitue) une? (reponse|message|accuse de reception) automatique/,
  /\b(ce message|cet e-?mail|ce courriel) (a ete|est) (genere|envoye) automatiquement/,
  /^(reponse automatique|message d'absence)\s*[:\-–]/,
);
add('fr', 'unmonitored', 'strong',
  /\bcette (adresse|boite|boite aux lettres|boite mail|adresse e-?mail) (n'est pas|n'est plus) (surveillee|consultee|lue|active)/,
  /\b(merci|priere) de ne pas repondre a (ce|cet) (message|e-?mail|courriel)/,
  /\bveuillez ne pas repondre a (ce|cet) (message|e-?mail|courriel)/,
);
add('fr', 'left-company', 'strong',
  /\b(ne fait plus partie|ne fais plus partie|ne travaille plus|n'est plus (en poste|employee?|chez|dans|au sein)|ne suis plus (en poste|chez|au sein))/,
  /\ba quitte (la societe|l'entreprise|notre societe|notre entreprise|le groupe|ses fonctions)/,
);
add('fr', 'acknowledgement', 'strong',
  /\bnous avons (bien )?recu votre (message|demande|e-?mail|courriel|requete|candidature|commande)/,
  /\bvotre (demande|message|requete|ticket|courriel)( \(?#?[a-z0-9-]*\d[a-z0-9-]*\)?)? (a bien ete|a ete|est bien) (recue?|enregistree?|prise? en compte|creee?)/,
  /\b(numero de (ticket|dossier|demande|reference)|reference de (votre )?(demande|ticket))\s*(est\s*)?[:#]?\s*#?[a-z]{0,6}-?\d{3,}/,
  /\baccuse de reception\b/,
);
add('fr', 'acknowledgement', 'weak',
  /\bmerci (pour|de) votre (message|e-?mail|courriel|demande)\b/,
  /\bnous (vous repondrons|reviendrons vers vous|vous recontacterons) (dans les plus brefs delais|rapidement|des que possible|sous)/,
);
add('fr', 'out-of-office', 'absence',
  /\b(je suis|je serai|[a-z]+ est|[a-z]+ sera) (actuellement |presentement )?(absente?|hors du bureau|en deplacement|en mission|en formation|en seminaire|indisponible|en dehors du bureau)/,
  /\b(j'ai|je dispose d')un acces (limite|restreint) (a mes|aux) (e-?mails|courriels|messages)/,
);
add('fr', 'vacation', 'absence', /\b(je suis|je serai|[a-z]+ est) (actuellement )?(en (conges?|vacances)|en conge annuel)/);
add('fr', 'parental-leave', 'absence', /\b(je suis|je serai|[a-z]+ est) (actuellement )?en conge (maternite|paternite|parental|de maternite|de paternite)/);
add('fr', 'sick-leave', 'absence', /\b(je suis|je serai|[a-z]+ est) (actuellement )?(en arret maladie|en conge maladie|malade|en arret de travail)/);

// Spanish
add('es', 'automatic', 'strong',
  /\b(esta es|este es|este mensaje es) una? (respuesta|mensaje|correo) automatic[oa]/,
  /\b(este|el) (mensaje|correo|email|e-mail) (ha sido|fue|se ha) (generado|enviado) automaticamente/,
  /^(respuesta automatica|fuera de la oficina)\s*[:\-–]/,
);
add('es', 'unmonitored', 'strong',
  /\b(este|el) (buzon|correo|email|e-mail|direccion)( de correo)? no (es|esta) (monitorizado|supervisado|atendido|vigilado|revisado|monitoreado)/,
  /\besta direccion( de correo)? no (es|esta) (monitorizada|supervisada|atendida|revisada|monitoreada)/,
  /\bpor favor,? no (responda|conteste|respondas) a este (mensaje|correo|email)/,
);
add('es', 'left-company', 'strong',
  /\bya no (trabaja|trabajo|forma parte|formo parte|esta|estoy|pertenece) (en|de|con|para)\b/,
  /\bha dejado (la empresa|la compania|nuestra empresa|la organizacion)/,
);
add('es', 'acknowledgement', 'strong',
  /\bhemos recibido (correctamente )?(su|tu) (mensaje|solicitud|correo|consulta|peticion|email|e-mail|pedido)/,
  /\b(su|tu) (solicitud|consulta|peticion|mensaje|ticket|caso)( \(?#?[a-z0-9-]*\d[a-z0-9-]*\)?)? (ha sido|fue|se ha) (recibid[oa]|registrad[oa]|cread[oa])/,
  /\bnumero de (ticket|caso|solicitud|referencia|incidencia)\s*(es\s*)?[:#]?\s*#?[a-z]{0,6}-?\d{3,}/,
);
add('es', 'acknowledgement', 'weak', /\bgracias por (su|tu) (mensaje|correo|consulta|email)\b/, /\b(nos pondremos|le responderemos|te responderemos|le contestaremos) (en contacto )?(lo antes posible|en breve|a la mayor brevedad)/);
add('es', 'out-of-office', 'absence',
  /\b(estoy|estare|me encuentro|[a-z]+ esta|[a-z]+ estara) (actualmente )?(fuera de la oficina|ausente|fuera de mi oficina|de viaje|sin acceso al correo|fuera)\b/,
  /\bno (me encuentro|estoy|estare) en (la|mi) oficina/,
);
add('es', 'vacation', 'absence', /\b(estoy|estare|me encuentro|[a-z]+ esta) (actualmente )?de (vacaciones|permiso|licencia)\b/);
add('es', 'parental-leave', 'absence', /\b(estoy|estare|me encuentro|[a-z]+ esta) (actualmente )?de (baja|permiso|licencia) (por|de) (maternidad|paternidad)/);
add('es', 'sick-leave', 'absence', /\b(estoy|estare|me encuentro|[a-z]+ esta) (actualmente )?de baja( medica| por enfermedad)?\b/);

// Italian
add('it', 'automatic', 'strong',
  /\bquest[oa] (e|e') una? (risposta|messaggio) automatic[oa]/,
  /\b(questo|il) (messaggio|e-?mail) (e stato|e) (generato|inviato) automaticamente/,
  /^(risposta automatica|fuori sede|fuori ufficio)\s*[:\-–]/,
);
add('it', 'unmonitored', 'strong',
  /\b(questa|la) (casella|casella di posta|casella email|indirizzo) (non e|non viene) (monitorata|controllata|letta|presidiata)/,
  /\b(questo|l') indirizzo (non e|non viene) (monitorato|controllato|letto|presidiato)/,
  /\b(si prega di|vi preghiamo di|per favore,?) non rispondere a (questo|questa) (messaggio|e-?mail|mail)/,
);
add('it', 'left-company', 'strong', /\bnon (lavora|lavoro|fa|faccio) piu (presso|per|con|parte)/, /\bha lasciato (l'azienda|la societa|la nostra azienda)/);
add('it', 'acknowledgement', 'strong',
  /\babbiamo ricevuto (correttamente )?(la tua|la sua|il tuo|il suo|la vostra) (richiesta|e-?mail|mail|messaggio|segnalazione|ordine)/,
  /\bla (tua|sua) (richiesta|segnalazione)( \(?#?[a-z0-9-]*\d[a-z0-9-]*\)?)? (e stata|e) (ricevuta|registrata|presa in carico)/,
  /\bnumero (di )?(ticket|pratica|richiesta|riferimento)\s*(e\s*)?[:#]?\s*#?[a-z]{0,6}-?\d{3,}/,
);
add('it', 'acknowledgement', 'weak', /\bgrazie per (la tua|la sua|il tuo|il suo) (e-?mail|mail|messaggio|richiesta)\b/, /\b(vi|ti|le) risponderemo (al piu presto|a breve|quanto prima)/);
add('it', 'out-of-office', 'absence', /\b(sono|saro|mi trovo|[a-z]+ e) (attualmente )?(fuori (ufficio|sede)|assente|in trasferta|non disponibile)/);
add('it', 'vacation', 'absence', /\b(sono|saro|[a-z]+ e) (attualmente )?in (ferie|vacanza)/);
add('it', 'parental-leave', 'absence', /\b(sono|saro|[a-z]+ e) (attualmente )?in (maternita|paternita|congedo (di )?(maternita|paternita|parentale))/);
add('it', 'sick-leave', 'absence', /\b(sono|saro|[a-z]+ e) (attualmente )?in malattia/);

// Dutch
add('nl', 'automatic', 'strong',
  /\bdit is een automatisch (antwoord|bericht|gegenereerd|verzonden)/,
  /\b(dit|deze) (bericht|e-?mail|mail) (is|werd) automatisch (gegenereerd|verzonden|verstuurd|aangemaakt)/,
  /^(automatisch antwoord|afwezigheidsbericht|afwezig)\s*[:\-–]/,
);
add('nl', 'unmonitored', 'strong',
  /\b(deze|dit) (mailbox|e-?mailadres|adres|postbus) wordt niet (gelezen|gecontroleerd|bewaakt|gemonitord|beheerd)/,
  /\b(gelieve|wilt u) niet (te )?(antwoorden|reageren) op (dit|deze) (bericht|e-?mail|mail)/,
  /\breageer niet op (dit|deze) (bericht|e-?mail|mail)/,
);
add('nl', 'left-company', 'strong', /\bis niet (langer|meer) (werkzaam|in dienst|verbonden aan)/, /\bwerkt niet (langer|meer) (bij|voor)/, /\bheeft (het bedrijf|de organisatie|ons) verlaten/);
add('nl', 'acknowledgement', 'strong',
  /\b(wij|we) hebben (uw|je|jouw) (bericht|aanvraag|e-?mail|mail|verzoek|vraag|bestelling) (goed )?ontvangen/,
  /\b(uw|je|jouw) (aanvraag|verzoek|bericht|melding|ticket)( \(?#?[a-z0-9-]*\d[a-z0-9-]*\)?)? is (in goede orde )?(ontvangen|geregistreerd|aangemaakt)/,
  /\b(ticket|referentie|meldings|dossier)(nummer|-nummer| nummer)\s*(is\s*)?[:#]?\s*#?[a-z]{0,6}-?\d{3,}/,
  /\bontvangstbevestiging\b/,
);
add('nl', 'acknowledgement', 'weak', /\bbedankt voor (uw|je|jouw) (bericht|e-?mail|mail|vraag)\b/, /\b(wij|we) (nemen|komen) (zo snel mogelijk|binnen) .{0,20}(contact|terug)/);
add('nl', 'out-of-office', 'absence',
  /\b(ik ben|ben ik|ik zal|[a-z]+ is)\b.{0,50}?\b(afwezig|niet op kantoor|niet aanwezig|niet bereikbaar|buiten kantoor|op reis|beperkt bereikbaar)/,
);
add('nl', 'vacation', 'absence', /\b(ik ben|ben ik|[a-z]+ is)\b.{0,50}?\b(met vakantie|op vakantie|vrij)\b/);
add('nl', 'parental-leave', 'absence', /\b(ik ben|ben ik|[a-z]+ is)\b.{0,50}?\bmet (zwangerschaps|ouderschaps|bevallings|vaderschaps|geboorte)verlof/);
add('nl', 'sick-leave', 'absence', /\b(ik ben|ben ik|[a-z]+ is)\b.{0,50}?\b(ziek|ziekgemeld|met ziekteverlof)\b/);

// Portuguese
add('pt', 'automatic', 'strong', /\b(esta e|este e) uma? (resposta|mensagem) automatica/, /\b(esta|a) mensagem foi (gerada|enviada) automaticamente/, /^(resposta automatica|fora do escritorio)\s*[:\-–]/);
add('pt', 'unmonitored', 'strong', /\b(esta|a) caixa( de (correio|e-?mail))? nao e (monitorada|monitorizada|verificada|lida)/, /\b(este|o) (endereco|e-?mail) nao e (monitorado|monitorizado|verificado|lido)/, /\bpor favor,? nao responda (a )?(esta|este) (mensagem|e-?mail)/);
add('pt', 'left-company', 'strong', /\b(ja nao|nao) (trabalha|trabalho|faz|faco) (mais )?(na|no|para|parte)\b/, /\bdeixou (a empresa|a companhia|a organizacao)/);
add('pt', 'acknowledgement', 'strong',
  /\brecebemos (a sua|sua|o seu|seu|a tua|o teu) (mensagem|solicitacao|pedido|e-?mail|contato|contacto|pedido)/,
  /\b(a sua|sua|o seu|seu) (solicitacao|pedido|chamado|ticket)( \(?#?[a-z0-9-]*\d[a-z0-9-]*\)?)? foi (recebid[oa]|registrad[oa]|abert[oa]|criad[oa])/,
  /\bnumero d[oa] (protocolo|chamado|ticket|pedido)\s*(e\s*)?[:#]?\s*#?[a-z]{0,6}-?\d{3,}/,
);
add('pt', 'acknowledgement', 'weak', /\bobrigad[oa] pel[oa] (sua |seu )?(mensagem|e-?mail|contato|contacto)\b/);
add('pt', 'out-of-office', 'absence', /\b(estou|estarei|encontro-me|[a-z]+ esta) (atualmente |actualmente )?(fora do escritorio|ausente|em viagem|fora)\b/);
add('pt', 'vacation', 'absence', /\b(estou|estarei|encontro-me|[a-z]+ esta) (atualmente |actualmente )?de ferias/);
add('pt', 'parental-leave', 'absence', /\b(estou|estarei|encontro-me|[a-z]+ esta) (atualmente |actualmente )?(de|em) licenca(-| )(maternidade|paternidade|parental)/);
add('pt', 'sick-leave', 'absence', /\b(estou|estarei|encontro-me|[a-z]+ esta) (atualmente |actualmente )?(de baixa|de licenca medica|doente)/);

// Polish
add('pl', 'automatic', 'strong', /\bto jest automatyczna (odpowiedz|wiadomosc)/, /\b(ta )?wiadomosc (zostala )?(wygenerowana|wyslana) automatycznie/, /^(automatyczna odpowiedz|poza biurem)\s*[:\-–]/);
add('pl', 'unmonitored', 'strong', /\b(ta|ta skrzynka|ten adres)( pocztowa| e-?mail)? nie jest (monitorowan[ya]|sprawdzan[ya]|obslugiwan[ya])/, /\b(prosimy|prosze) nie odpowiadac na (te|ta) wiadomosc/);
add('pl', 'left-company', 'strong', /\bnie (pracuje|jest) juz (w|pracownikiem|zatrudnion[ya])/, /\bodszedl z (firmy|organizacji)|odeszla z (firmy|organizacji)/);
add('pl', 'acknowledgement', 'strong', /\botrzymalismy (twoja|pana|pani|panstwa)? ?(wiadomosc|zgloszenie|zapytanie|prosbe)/, /\b(twoje|pana|pani)? ?zgloszenie( \(?#?[a-z0-9-]*\d[a-z0-9-]*\)?)? zostalo (przyjete|zarejestrowane|utworzone)/, /\bnumer zgloszenia\s*(to\s*)?[:#]?\s*#?[a-z]{0,6}-?\d{3,}/);
add('pl', 'acknowledgement', 'weak', /\bdziekujemy za (wiadomosc|kontakt|zgloszenie)\b/);
add('pl', 'out-of-office', 'absence', /\b(jestem|bede|[a-z]+ jest) (obecnie |aktualnie )?(poza biurem|nieobecn[ya]|w podrozy sluzbowej|w delegacji|niedostepn[ya])/);
add('pl', 'vacation', 'absence', /\b(jestem|bede|przebywam|[a-z]+ jest) (obecnie |aktualnie )?na urlopie\b(?! (macierzynskim|ojcowskim|rodzicielskim))/);
add('pl', 'parental-leave', 'absence', /\b(jestem|bede|przebywam|[a-z]+ jest) (obecnie |aktualnie )?na urlopie (macierzynskim|ojcowskim|rodzicielskim|wychowawczym)/);
add('pl', 'sick-leave', 'absence', /\b(jestem|bede|przebywam|[a-z]+ jest) (obecnie |aktualnie )?(na zwolnieniu( lekarskim)?|chor[ya])\b/);

// Swedish
add('sv', 'automatic', 'strong', /\bdetta ar ett automatiskt (svar|meddelande|genererat)/, /\b(detta|det har) (meddelande|mejl|e-?post) (ar|har) (skickats|genererats) automatiskt/, /^(automatiskt svar|franvaromeddelande)\s*[:\-–]/);
add('sv', 'unmonitored', 'strong', /\b(denna|den har) (brevlada|adress|e-?postadress|inkorg) (bevakas|lases|kontrolleras) (inte|ej)/, /\bsvara (inte|ej) pa (detta|det har) (meddelande|mejl|e-?post)/);
add('sv', 'left-company', 'strong', /\b(arbetar|jobbar) (inte|ej) (langre|kvar) (pa|hos|for)\b/, /\bhar slutat (pa|hos|sin anstallning)/);
add('sv', 'acknowledgement', 'strong', /\bvi har (tagit emot|mottagit) (ditt|din|era|ert) (meddelande|arende|forfragan|mejl|e-?post|begaran)/, /\b(ditt|ert) arende( \(?#?[a-z0-9-]*\d[a-z0-9-]*\)?)? (har registrerats|har skapats|ar registrerat)/, /\barendenummer\s*(ar\s*)?[:#]?\s*#?[a-z]{0,6}-?\d{3,}/);
add('sv', 'acknowledgement', 'weak', /\btack for (ditt|ert) (meddelande|mejl|e-?post)\b/);
add('sv', 'out-of-office', 'absence', /\b(jag ar|jag kommer att vara|[a-z]+ ar) (for narvarande |just nu )?(franvarande|inte pa kontoret|borta|ledig|pa tjansteresa|utanfor kontoret|tjanstledig)/);
add('sv', 'vacation', 'absence', /\b(jag ar|jag kommer att vara|[a-z]+ ar) (for narvarande |just nu )?pa (semester|ledighet)/, /\bjag har semester\b/);
add('sv', 'parental-leave', 'absence', /\b(jag ar|jag kommer att vara|[a-z]+ ar) (for narvarande |just nu )?(foraldraledig|mammaledig|pappaledig)/);
add('sv', 'sick-leave', 'absence', /\b(jag ar|[a-z]+ ar) (for narvarande |just nu )?(sjuk|sjukskriven|sjukledig)\b/);

// Danish
add('da', 'automatic', 'strong', /\bdette er et automatisk (svar|genereret|sendt)/, /\b(denne|den her) (besked|mail|e-?mail) (er|blev) (sendt|genereret) automatisk/, /^(automatisk svar|fravaersbesked)\s*[:\-–]/);
add('da', 'unmonitored', 'strong', /\b(denne|den her) (postkasse|mailboks|adresse|e-?mailadresse|indbakke) (overvages|laeses|tjekkes) ikke/, /\bsvar venligst ikke pa (denne|den her) (mail|e-?mail|besked)/);
add('da', 'left-company', 'strong', /\b(er ikke laengere ansat|arbejder ikke laengere)\b/, /\bhar forladt (virksomheden|firmaet)/);
add('da', 'acknowledgement', 'strong', /\bvi har modtaget (din|jeres) (henvendelse|mail|e-?mail|besked|foresporgsel|anmodning)/, /\b(din|jeres) (henvendelse|sag|anmodning)( \(?#?[a-z0-9-]*\d[a-z0-9-]*\)?)? er (registreret|modtaget|oprettet)/, /\bsagsnummer\s*(er\s*)?[:#]?\s*#?[a-z]{0,6}-?\d{3,}/);
add('da', 'acknowledgement', 'weak', /\btak for (din|jeres) (mail|e-?mail|henvendelse|besked)\b/);
add('da', 'out-of-office', 'absence', /\b(jeg er|jeg vil vaere|[a-z]+ er) (i ojeblikket |p\.t\. |pt\. )?(fravaerende|ikke pa kontoret|ude af huset|pa forretningsrejse|vaek|ikke til stede)/);
add('da', 'vacation', 'absence', /\b(jeg er|[a-z]+ er) (i ojeblikket |p\.t\. )?pa (ferie|sommerferie|juleferie)/, /\bjeg holder (ferie|fri)\b/);
add('da', 'parental-leave', 'absence', /\b(jeg er|[a-z]+ er) (i ojeblikket |p\.t\. )?pa (barsel|barselsorlov|foraeldreorlov|faedreorlov)/);
add('da', 'sick-leave', 'absence', /\b(jeg er|[a-z]+ er) (i ojeblikket |p\.t\. )?(syg|sygemeldt)\b/);

// Norwegian (bokmål)
add('nb', 'automatic', 'strong', /\bdette er et automatisk (svar|generert|sendt)/, /\b(denne|den her) (meldingen|e-?posten|eposten) (er|ble) (sendt|generert) automatisk/, /^(automatisk svar|fravaersmelding)\s*[:\-–]/);
add('nb', 'unmonitored', 'strong', /\b(denne|den her) (postkassen|adressen|e-?postadressen|innboksen) (overvakes|leses|sjekkes) ikke/, /\bikke svar pa (denne|den her) (e-?posten|eposten|meldingen)/);
add('nb', 'left-company', 'strong', /\b(jobber ikke lenger|arbeider ikke lenger|er ikke lenger ansatt)\b/, /\bhar sluttet (i|hos) /);
add('nb', 'acknowledgement', 'strong', /\bvi har mottatt (din|deres) (henvendelse|e-?post|epost|melding|foresporsel)/, /\b(din|deres) (henvendelse|sak)( \(?#?[a-z0-9-]*\d[a-z0-9-]*\)?)? er (registrert|mottatt|opprettet)/, /\bsaksnummer\s*(er\s*)?[:#]?\s*#?[a-z]{0,6}-?\d{3,}/);
add('nb', 'acknowledgement', 'weak', /\btakk for (din|deres) (e-?post|epost|henvendelse|melding)\b/);
add('nb', 'out-of-office', 'absence', /\b(jeg er|jeg vil vaere|[a-z]+ er) (for tiden |na )?(fravaerende|ikke pa kontoret|ute av kontoret|borte|pa reise|pa tjenestereise)/);
add('nb', 'vacation', 'absence', /\b(jeg er|[a-z]+ er) (for tiden |na )?pa (ferie|sommerferie)/, /\bjeg har (ferie|fri)\b/);
add('nb', 'parental-leave', 'absence', /\b(jeg er|[a-z]+ er) (for tiden |na )?(i|pa) (foreldrepermisjon|fodselspermisjon|pappapermisjon|permisjon)/);
add('nb', 'sick-leave', 'absence', /\b(jeg er|[a-z]+ er) (for tiden |na )?(syk|sykmeldt|sykemeldt)\b/);

export const PHRASE_RULES: readonly PhraseRule[] = rules;

/**
 * Words nearly every text in a language has. The ~170 phrase rules cost a
 * regex scan each; a text is only scanned with the rules of the languages
 * whose words it contains (a 100-message thread stays cheap to judge).
 */
const LANGUAGE_WORDS: Record<Lang, RegExp> = {
  en: /\b(the|and|you|your|i'm|i am|will|this|with|have|please|thank|thanks|out of)\b/,
  de: /\b(ich|sie|und|nicht|ihre|wir|bin|fur|diese|dies|dieses|vielen|bitte|hat)\b/,
  fr: /\b(je|vous|nous|votre|suis|merci|ceci|cette|pour|les|est|ne|le|des|au|du)\b/,
  es: /\b(estoy|estare|hasta|gracias|su|tu|este|esta|hemos|por|los|las|ya|el|mi|para|del|y|una|con|que)\b/,
  it: /\b(sono|saro|grazie|questa|questo|fino|abbiamo|non|della|il|si|alla|per|ufficio|ferie)\b/,
  nl: /\b(ik|ben|het|een|niet|uw|je|tot|wij|dit|deze|bedankt|wordt|op|van|voor|afwezig)\b/,
  pt: /\b(estou|estarei|obrigad[oa]|nao|recebemos|esta|sua|seu|voce|ate|ja|da|em|com|para)\b/,
  pl: /\b(jestem|nie|prosze|prosimy|dziekuje|dziekujemy|jest|pan|pani|to|ta)\b/,
  sv: /\b(jag|ar|och|inte|detta|denna|tack|vi|svara)\b/,
  da: /\b(jeg|og|ikke|dette|denne|tak|vi|er|svar)\b/,
  nb: /\b(jeg|og|ikke|dette|denne|takk|vi|er|svar)\b/,
};

/** The rules worth running on a (folded) text: those of the languages it is written in. */
export function rulesFor(text: string): PhraseRule[] {
  const langs = new Set((Object.keys(LANGUAGE_WORDS) as Lang[]).filter((lang) => LANGUAGE_WORDS[lang].test(text)));
  return rules.filter((r) => langs.has(r.lang));
}

/**
 * What turns an absence statement into an out-of-office notice: a return
 * date, "urgent matters", a stand-in to contact, limited access, "I will
 * answer when I return". One list for all languages (folded forms).
 */
export const ABSENCE_MARKERS =
  /\b(until|till|through|thru|returning|return on|back (on|in|at)|be back|upon my return|on my return|when i return|after my return|limited (access|connectivity)|no access to|urgent|in my absence|please contact|contact my colleague|you can reach|will (respond|reply|answer|get back)|'ll (respond|reply|answer|get back)|when i'm back|upon return|delayed (response|reply)|respond to your (e-?mail|message)|bis|ab dem|ab (montag|dienstag|mittwoch|donnerstag|freitag)|wieder (im buro|erreichbar|da|zuruck|im hause|fur sie)|zuruck|dringend|vertretung|wenden sie sich|eingeschrankt|ruckkehr|jusqu'a|jusqu'au|de retour|a mon retour|des mon retour|urgence|urgent|contacter|acces limite|hasta|a mi regreso|a mi vuelta|regresare|volvere|de vuelta|urgente|urgencia|acceso limitado|fino al|fino a|rientro|rientrero|al mio rientro|di ritorno|urgenze|urgenti|tot en met|t\/m|tot|terug|weer aanwezig|dringende|spoed|ate|retorno|regressarei|voltarei|de volta|urgencias|do dnia|do \d+|powrot|po powrocie|wracam|pilnych|pilne|prosze o kontakt|till och med|t\.o\.m\.?|tillbaka|aterkommer|bradskande|til og med|tilbage|igen|vender tilbage|hastende|akutte|tilbake|hastesaker|haster|vom|du \d+|del \d+|dal \d+|van \d+|fra \d+|fran \d+|od \d+|from \d+|(won't|will not|wont) be (responding|checking|reading|available|replying)|reach out to|urgentes|scrivete a|scrivere a|contattare|indtil|frem til|kontakt|kontakta|contacte|contactez|contact)\b/;

/**
 * Substance: a message that delivers what was asked ("here is the quote",
 * an attachment, "to answer your question") is a person, even one who says
 * they are away. Only weighed against absence statements.
 */
export const SUBSTANCE_MARKERS =
  /\b(here is|here's|here are|attached (is|are|you)|i've attached|i have attached|please find attached|to answer your question|quick answer|short answer|in short|regarding your question|as for your question|anbei|im anhang|hier (ist|sind)|zu ihrer frage|kurz zu|ci-joint|voici|en piece jointe|pour repondre a|adjunto|te adjunto|le adjunto|aqui (tienes|tiene|esta)|en respuesta a tu pregunta|in allegato|ecco|allego|per rispondere|bijgevoegd|in de bijlage|hierbij|hier is|em anexo|segue|aqui esta|w zalaczniku|oto|bifogar|har ar|bifoget|vedhaeftet|her er|vedlagt|i've taken over|i have taken over|i am taking over|i'm taking over|ich ubernehme|je reprends|me encargo yo)\b/;
