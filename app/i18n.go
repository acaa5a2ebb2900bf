package main

import (
	"fmt"

	"embudo.app/funnel"
)

// texts holds every word the UI shows, in one language. Sentences with
// numbers take them already formatted.
type texts struct {
	Lang, Tagline, LangLabel, CurLabel, ModeLabel string
	Plan, Forecast                                string
	GoalGroup, RatesGroup, TeamGroup, TrafficGrp  string
	Fields                                        map[funnel.Field]string
	Units                                         map[funnel.Field]string
	Stages                                        [funnel.NumStages]string
	Stage, Year, Quarter, Month, Week             string
	VolumesTitle, ChartTitle, TeamTitle, SLATitle string
	FTE, Reps, Load                               string
	MarketingToSales, SalesToMarketing            string
	// marketing(mqlsWeek, mqlsMonth)
	SLAMarketing string
	// sales(reps, cap, load, calls, emails)
	SLASales string
	// short(reps, covered, needed, percent, load)
	Short string
	// exact(reps, load): nobody is short
	Exact string
	// activity(mqls, sqls, calls, emails)
	Activity        string
	NoticeParam     string // (param, message)
	NoticeStorage   string
	Errors          map[funnel.Code]string
	WholeNumber     string
	RevenueLarge    string
	ResultsLoading  string
	WasmLoading     string
	Percent         string // "%s %%" or "%s%%"
	ForecastTitle   string
	TrafficRevenue  string
	CapacityRevenue string
	ExpectedNote    string
	Bottleneck      map[funnel.Bottleneck]string
	ForecastTraffic string // (trafficRevenue, capacityRevenue, gapOrSurplus)
	ForecastSales   string
	Gap, Surplus    string // (amount)
	OnTarget        string
	Customers       string
	// goalLine(goal, ticket, customers)
	GoalLine string

	ShareTitle, ShareNote, CopyLink, CopyEmbed, Copied, EmbedTitle, OpenFull string
	UpdateReady, Reload                                                      string
	KeyMQLs, KeyVisitors, KeyRevenue                                         string

	InputsLabel, TableOf, ExpectedTitle, ExpectedYear string

	// OneRep(percent, load, cap): one rep with time to spare.
	OneRep string
	// Nouns, singular and plural, for the counts the sentences carry.
	RepNoun, CustomerNoun, SLACallNoun, SLAEmailNoun, CallNoun, EmailNoun noun
}

// noun is a word in the singular and the plural.
type noun [2]string

// count is n with its noun in the right number: "1 rep", "3 reps".
func count(f numberFormat, n int64, w noun) string {
	if n == 1 {
		return Int(f, n) + " " + w[0]
	}
	return Int(f, n) + " " + w[1]
}

// countUpto is count for a fixed-point amount: "1 call", "0.5 calls".
func countUpto(f numberFormat, units int64, scale int, w noun) string {
	if units == pow10(scale) {
		return f.Upto(units, scale) + " " + w[0]
	}
	return f.Upto(units, scale) + " " + w[1]
}

func (t *texts) percent(s string) string { return fmt.Sprintf(t.Percent, s) }

// fieldError says what is wrong with a value typed in a box, in the
// user's words and number format.
func (t *texts) fieldError(e *funnel.FieldError, f numberFormat) string {
	return t.errorText(e, f, f.Mark())
}

// linkError says what is wrong with a link parameter: links always write
// numbers with a decimal point.
func (t *texts) linkError(e *funnel.FieldError, f numberFormat) string {
	return t.errorText(e, f, ".")
}

func (t *texts) errorText(e *funnel.FieldError, f numberFormat, mark string) string {
	msg := t.Errors[e.Code]
	switch e.Code {
	case funnel.CodeResultLarge:
		if e.Scale > 0 { // the limit is money, not people
			return t.RevenueLarge
		}
	case funnel.CodeNotNumber:
		return fmt.Sprintf(msg, mark)
	case funnel.CodeDecimals:
		if e.Scale == 0 {
			return t.WholeNumber
		}
		return fmt.Sprintf(msg, e.Scale)
	case funnel.CodeTooSmall:
		return fmt.Sprintf(msg, t.limit(e.Field, e.Min, e.Scale, f))
	case funnel.CodeTooLarge:
		return fmt.Sprintf(msg, t.limit(e.Field, e.Max, e.Scale, f))
	}
	return msg
}

// limit formats a range bound with the field's unit: "$0.01", "100%", "53".
func (t *texts) limit(field funnel.Field, v int64, scale int, f numberFormat) string {
	switch field {
	case funnel.FieldGoal, funnel.FieldTicket:
		return f.Money(funnel.Money(v))
	case funnel.FieldR1, funnel.FieldR2, funnel.FieldR3, funnel.FieldR4, funnel.FieldR5:
		return t.percent(f.Upto(v, scale))
	}
	return f.Upto(v, scale)
}

func textsFor(lang string) *texts {
	if lang == "es" {
		return &spanish
	}
	return &english
}

var english = texts{
	Lang:       "en",
	Tagline:    "Smarketing SLA calculator: from this year's revenue goal to the MQLs marketing delivers each week and the reps sales needs.",
	LangLabel:  "Language",
	CurLabel:   "Currency",
	ModeLabel:  "Mode",
	Plan:       "Plan from the goal",
	Forecast:   "Forecast from traffic",
	GoalGroup:  "Revenue",
	RatesGroup: "Conversion rates",
	TeamGroup:  "Sales team",
	TrafficGrp: "Traffic and team",
	Fields: map[funnel.Field]string{
		funnel.FieldGoal: "Revenue goal per year", funnel.FieldTicket: "Average ticket",
		funnel.FieldR1: "Visitors → leads", funnel.FieldR2: "Leads → MQLs", funnel.FieldR3: "MQLs → SQLs",
		funnel.FieldR4: "SQLs → opportunities", funnel.FieldR5: "Opportunities → customers",
		funnel.FieldWeeks: "Work weeks per year", funnel.FieldCap: "MQLs one rep reviews per week",
		funnel.FieldCalls: "Calls per SQL per week", funnel.FieldEmails: "Emails per SQL per week",
		funnel.FieldVisits: "Visitors per month", funnel.FieldReps: "Reps on the team",
		funnel.FieldMode: "mode", funnel.FieldLang: "lang", funnel.FieldCur: "cur", funnel.FieldEmbed: "embed",
		funnel.FieldResult: "Result",
	},
	Units: map[funnel.Field]string{
		funnel.FieldWeeks: "weeks", funnel.FieldCap: "MQLs a week", funnel.FieldCalls: "calls",
		funnel.FieldEmails: "emails", funnel.FieldVisits: "visitors a month", funnel.FieldReps: "reps",
	},
	Stages:           [funnel.NumStages]string{"Visitors", "Leads", "MQLs", "SQLs", "Opportunities", "Customers"},
	Stage:            "Stage",
	Year:             "Per year",
	Quarter:          "Per quarter",
	Month:            "Per month",
	Week:             "Per week",
	VolumesTitle:     "What each stage needs",
	ChartTitle:       "Funnel needed for the goal",
	TeamTitle:        "Sales team",
	SLATitle:         "The SLA",
	FTE:              "Rep workload (FTE)",
	Reps:             "Reps to have",
	Load:             "MQLs per rep per week",
	MarketingToSales: "Marketing → Sales",
	SalesToMarketing: "Sales → Marketing",
	SLAMarketing:     "Marketing delivers %s MQLs a week (%s a month) to Sales.",
	SLASales:         "Sales follows up every MQL within 24 h with %s, each reviewing up to %s MQLs a week (%s on average), calling each SQL %s and emailing it %s a week.",
	Short:            "With one rep fewer (%s), the team covers %s of the %s MQLs a year (%s); to cover them all, each would have to review %s MQLs a week.",
	Exact:            "A team of %s at %s MQLs a week each covers every MQL exactly.",
	Activity:         "Each rep, each week: reviews %s MQLs, works %s SQLs, makes %s and sends %s.",
	NoticeParam:      "Link parameter “%s” ignored: %s.",
	NoticeStorage:    "The saved scenario could not be read; showing the example.",
	WholeNumber:      "enter a whole number",
	Errors: map[funnel.Code]string{
		funnel.CodeNotNumber:   "enter a plain number, like 1000 or 2%s75",
		funnel.CodeDecimals:    "use at most %d decimals",
		funnel.CodeTooSmall:    "must be at least %s",
		funnel.CodeTooLarge:    "must be at most %s",
		funnel.CodeTooLong:     "the value is too long",
		funnel.CodeUnknown:     "unknown value",
		funnel.CodeResultLarge: "the funnel would need more than a thousand trillion people; raise the rates or lower the goal",
	},
	WasmLoading:     "Loading the live calculator…",
	Percent:         "%s%%",
	ForecastTitle:   "What your traffic and team deliver",
	TrafficRevenue:  "Revenue the traffic yields",
	CapacityRevenue: "Revenue the sales team can carry",
	ExpectedNote:    "Expected people per year at each stage (volume × rate, one decimal).",
	Bottleneck: map[funnel.Bottleneck]string{
		funnel.BottleneckTraffic: "Traffic is the bottleneck",
		funnel.BottleneckSales:   "Sales capacity is the bottleneck",
	},
	ForecastTraffic: "Traffic limits you to %s a year; sales could carry %s.",
	ForecastSales:   "Sales capacity limits you to %s a year; the traffic would yield %s.",
	Gap:             "You are %s short of the goal of %s.",
	Surplus:         "That is %s above the goal of %s.",
	OnTarget:        "That meets the goal of %s exactly.",
	Customers:       "Customers a year",
	GoalLine:        "A goal of %s at %s per customer takes %s a year.",
	ShareTitle:      "Share and embed",
	ShareNote:       "The link reproduces exactly this screen. The embed code puts this scenario in a blog post; the frame sizes itself to its content.",
	CopyLink:        "Copy link",
	CopyEmbed:       "Copy embed code",
	Copied:          "Copied to the clipboard.",
	EmbedTitle:      "Embudo: smarketing SLA calculator",
	OpenFull:        "Open the full calculator ↗",
	UpdateReady:     "A new version of Embudo is ready.",
	Reload:          "Reload",
	KeyMQLs:         "MQLs a week",
	InputsLabel:     "Scenario inputs",
	TableOf:         "Table: %s",
	ExpectedTitle:   "Expected people per stage",
	ExpectedYear:    "Expected per year",
	OneRep:          "One rep is enough: the MQLs take %s of one rep's week (%s MQLs of %s).",
	RepNoun:         noun{"rep", "reps"},
	CustomerNoun:    noun{"customer", "customers"},
	SLACallNoun:     noun{"time", "times"},
	SLAEmailNoun:    noun{"time", "times"},
	CallNoun:        noun{"call", "calls"},
	EmailNoun:       noun{"email", "emails"},
	KeyVisitors:     "visitors a year",
	KeyRevenue:      "revenue a year",
}

var spanish = texts{
	Lang:       "es",
	Tagline:    "Calculadora del SLA de smarketing: de la meta de ingresos del año a los MQLs que marketing entrega cada semana y los vendedores que necesita ventas.",
	LangLabel:  "Idioma",
	CurLabel:   "Moneda",
	ModeLabel:  "Modo",
	Plan:       "Plan desde la meta",
	Forecast:   "Pronóstico desde el tráfico",
	GoalGroup:  "Ingresos",
	RatesGroup: "Tasas de conversión",
	TeamGroup:  "Equipo de ventas",
	TrafficGrp: "Tráfico y equipo",
	Fields: map[funnel.Field]string{
		funnel.FieldGoal: "Meta de ingresos anual", funnel.FieldTicket: "Ticket promedio",
		funnel.FieldR1: "Visitantes → leads", funnel.FieldR2: "Leads → MQLs", funnel.FieldR3: "MQLs → SQLs",
		funnel.FieldR4: "SQLs → oportunidades", funnel.FieldR5: "Oportunidades → clientes",
		funnel.FieldWeeks: "Semanas laborales al año", funnel.FieldCap: "MQLs que revisa un vendedor por semana",
		funnel.FieldCalls: "Llamadas por SQL a la semana", funnel.FieldEmails: "Emails por SQL a la semana",
		funnel.FieldVisits: "Visitantes al mes", funnel.FieldReps: "Vendedores en el equipo",
		funnel.FieldMode: "mode", funnel.FieldLang: "lang", funnel.FieldCur: "cur", funnel.FieldEmbed: "embed",
		funnel.FieldResult: "Resultado",
	},
	Units: map[funnel.Field]string{
		funnel.FieldWeeks: "semanas", funnel.FieldCap: "MQLs por semana", funnel.FieldCalls: "llamadas",
		funnel.FieldEmails: "emails", funnel.FieldVisits: "visitantes al mes", funnel.FieldReps: "vendedores",
	},
	Stages:           [funnel.NumStages]string{"Visitantes", "Leads", "MQLs", "SQLs", "Oportunidades", "Clientes"},
	Stage:            "Etapa",
	Year:             "Al año",
	Quarter:          "Al trimestre",
	Month:            "Al mes",
	Week:             "A la semana",
	VolumesTitle:     "Lo que necesita cada etapa",
	ChartTitle:       "Embudo necesario para la meta",
	TeamTitle:        "Equipo de ventas",
	SLATitle:         "El SLA",
	FTE:              "Carga de trabajo (FTE)",
	Reps:             "Vendedores necesarios",
	Load:             "MQLs por vendedor a la semana",
	MarketingToSales: "Marketing → Ventas",
	SalesToMarketing: "Ventas → Marketing",
	SLAMarketing:     "Marketing entrega a Ventas %s MQLs por semana (%s al mes).",
	SLASales:         "Ventas da seguimiento a cada MQL en menos de 24 h con %s; cada uno revisa hasta %s MQLs por semana (%s en promedio), llama %s y envía %s a cada SQL por semana.",
	Short:            "Con un vendedor menos (%s), el equipo cubre %s de los %s MQLs del año (%s); para cubrirlos todos, cada uno tendría que revisar %s MQLs por semana.",
	Exact:            "Un equipo de %s con %s MQLs por semana cada uno cubre todos los MQLs exactamente.",
	Activity:         "Cada vendedor, cada semana: revisa %s MQLs, trabaja %s SQLs, hace %s y envía %s.",
	NoticeParam:      "Parámetro del enlace «%s» ignorado: %s.",
	NoticeStorage:    "No se pudo leer el escenario guardado; se muestra el ejemplo.",
	WholeNumber:      "escribe un número entero",
	Errors: map[funnel.Code]string{
		funnel.CodeNotNumber:   "escribe un número simple, como 1000 o 2%s75",
		funnel.CodeDecimals:    "usa como máximo %d decimales",
		funnel.CodeTooSmall:    "debe ser al menos %s",
		funnel.CodeTooLarge:    "debe ser como máximo %s",
		funnel.CodeTooLong:     "el valor es demasiado largo",
		funnel.CodeUnknown:     "valor desconocido",
		funnel.CodeResultLarge: "el embudo necesitaría más de mil billones de personas; sube las tasas o baja la meta",
	},
	WasmLoading:     "Cargando la calculadora interactiva…",
	Percent:         "%s %%",
	ForecastTitle:   "Lo que dan tu tráfico y tu equipo",
	TrafficRevenue:  "Ingresos que da el tráfico",
	CapacityRevenue: "Ingresos que puede atender el equipo de ventas",
	ExpectedNote:    "Personas esperadas al año en cada etapa (volumen × tasa, un decimal).",
	Bottleneck: map[funnel.Bottleneck]string{
		funnel.BottleneckTraffic: "El cuello de botella es el tráfico",
		funnel.BottleneckSales:   "El cuello de botella es la capacidad de ventas",
	},
	ForecastTraffic: "El tráfico te limita a %s al año; ventas podría atender %s.",
	ForecastSales:   "La capacidad de ventas te limita a %s al año; el tráfico daría %s.",
	Gap:             "Te faltan %s para la meta de %s.",
	Surplus:         "Son %s por encima de la meta de %s.",
	OnTarget:        "Cumple exactamente la meta de %s.",
	Customers:       "Clientes al año",
	GoalLine:        "Una meta de %s con %s por cliente requiere %s al año.",
	ShareTitle:      "Compartir e insertar",
	ShareNote:       "El enlace reproduce exactamente esta pantalla. El código para insertar lleva este escenario a un artículo de blog; el marco se ajusta a su contenido.",
	CopyLink:        "Copiar enlace",
	CopyEmbed:       "Copiar código para insertar",
	Copied:          "Copiado al portapapeles.",
	EmbedTitle:      "Embudo: calculadora del SLA de smarketing",
	OpenFull:        "Abrir la calculadora completa ↗",
	UpdateReady:     "Hay una nueva versión de Embudo.",
	Reload:          "Recargar",
	KeyMQLs:         "MQLs por semana",
	InputsLabel:     "Datos del escenario",
	TableOf:         "Tabla: %s",
	ExpectedTitle:   "Personas esperadas por etapa",
	ExpectedYear:    "Esperado al año",
	OneRep:          "Un vendedor basta: los MQLs ocupan el %s de su semana (%s MQLs de %s).",
	RepNoun:         noun{"vendedor", "vendedores"},
	CustomerNoun:    noun{"cliente", "clientes"},
	SLACallNoun:     noun{"vez", "veces"},
	SLAEmailNoun:    noun{"email", "emails"},
	CallNoun:        noun{"llamada", "llamadas"},
	EmailNoun:       noun{"email", "emails"},
	KeyVisitors:     "visitantes al año",
	KeyRevenue:      "ingresos al año",
}
