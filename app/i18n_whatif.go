package main

import (
	"fmt"

	"embudo.app/funnel"
)

// whatIfTexts holds the words of the what-if tools (sensitivity, traffic and
// leads, the qualification guide, scenarios, comparison and export), in one
// language. Sentences with numbers take them already formatted; the words
// the calculator already has (stage names, SLA sentences) come from texts.
type whatIfTexts struct {
	// Sensitivity.
	SensTitle       string
	SensIntroPlan   string // (step, visitors now)
	SensIntroFcst   string // (step, revenue now)
	SensStep        string
	PP              string // (amount) "1 pp"
	SensRate        string
	SensBars        string
	SensChangePlan  string
	SensChangeFcst  string
	SensCaptionPlan string
	SensCaptionFcst string
	SensLever       string // (n, field label) "r3 · MQLs → SQLs"
	SensCapped      string // rate already at 100 %
	SensNone        string // the lever does not move the result
	SensUnavailable string

	// Traffic and leads.
	LeadsTitle       string
	LeadsIntro       string // (r1)
	LeadsVisitors    string
	LeadsGive        string
	LeadsUnit        string
	LeadsWanted      string
	LeadsNeed        string
	LeadsVisitorUnit string
	LeadsNote        string // (3 %, 100, 3,334, 3,200, 96)

	// Qualification guide.
	GuideTitle   string
	GuideCaption string
	Fit          map[funnel.Fit]string
	Interest     map[funnel.Interest]string
	ActionTitle  map[funnel.Action]string
	ActionText   map[funnel.Action]string
	FollowUp     string // (hours)
	NotReady     string // (stage)
	SpeedTitle   string
	Speed        string // (source, year, leads, b2c, b2b, first hour x, after 24 h x)

	// Scenarios.
	ScenTitle      string
	ScenIntro      string
	ScenName       string
	ScenSave       string
	ScenDefault    string // (n)
	ScenSaved      string // (name)
	ScenUpdated    string // (name)
	ScenDeleted    string // (name)
	ScenRenamed    string // (old, new)
	ScenTaken      string // (name)
	ScenEmpty      string
	ScenList       string
	ScenItemName   string // (name): label of the rename box
	ScenRenameHint string
	ScenLoad       string
	ScenLoadLabel  string // (name)
	ScenLink       string
	ScenLinkLabel  string // (name)
	ScenCopy       string
	ScenCopyLabel  string // (name)
	ScenDelete     string
	ScenDelLabel   string // (name)
	ScenCopied     string // (name)
	ScenCopyFail   string
	ScenBroken     string
	ScenNoStorage  string
	ScenSummary    string // (goal, visitors, reps)
	ScenFull       string // (max)

	// Comparison.
	CmpTitle    string
	CmpA, CmpB  string
	CmpCurrent  string
	CmpNeed     string
	CmpCaption  string // (a, b)
	CmpWhat     string
	CmpChange   string
	CmpGoal     string
	CmpReps     string
	CmpRevenue  string
	CmpNote     string
	CmpCurrency string // (curA, curB)
	CmpError    string // (message)

	// Export and the printed SLA.
	ExpTitle    string
	ExpCopy     string
	ExpCopied   string
	ExpCopyFail string
	ExpCopyBox  string
	ExpCSV      string
	ExpCSVDone  string // (file)
	ExpPrint    string
	ExpHint     string
	PrintTitle  string
	PrintDate   string // (date)
	PrintReps   string // (reps, fte)
	PrintLink   string // (url)
	PrintAssume string // (rates, weeks, cap, calls, emails)
	PrintSign   string
	SignMkt     string
	SignSales   string
	SignName    string
	SignDate    string
	TextTitle   string
	CSVFile     string
	Unavailable string
}

func (w *whatIfTexts) pp(amount string) string { return fmt.Sprintf(w.PP, amount) }

func whatIfTextsFor(lang string) *whatIfTexts {
	if lang == "es" {
		return &whatIfSpanish
	}
	return &whatIfEnglish
}

var whatIfEnglish = whatIfTexts{
	SensTitle:       "Which lever matters most",
	SensIntroPlan:   "Visitors the goal needs if one rate alone rises by %s (now %s), most effect first.",
	SensIntroFcst:   "Revenue a year if one rate alone rises by %s (now %s), most effect first.",
	SensStep:        "Step",
	PP:              "%s pp",
	SensRate:        "Rate",
	SensBars:        "Effect",
	SensChangePlan:  "Visitors",
	SensChangeFcst:  "Revenue",
	SensCaptionPlan: "Change in visitors needed when each rate rises by %s",
	SensCaptionFcst: "Change in revenue a year when each rate rises by %s",
	SensLever:       "r%d · %s",
	SensCapped:      "already at 100 %",
	SensNone:        "no change",
	SensUnavailable: "Sensitivity is not available for these inputs.",

	LeadsTitle:       "Traffic ↔ leads",
	LeadsIntro:       "At your visitors → leads rate (%s), for any period:",
	LeadsVisitors:    "Visitors",
	LeadsGive:        "give",
	LeadsUnit:        "leads",
	LeadsWanted:      "Leads wanted",
	LeadsNeed:        "need",
	LeadsVisitorUnit: "visitors",
	LeadsNote:        "Leads are rounded down and visitors up, so the visitors always reach the leads. The article's example: at %s, %s leads a month need %s visits (it says %s, but %s × %s is %s).",

	GuideTitle:   "Lead qualification guide: fit × interest and the 24 h rule",
	GuideCaption: "What to do with a lead, by fit and interest",
	Fit:          map[funnel.Fit]string{funnel.FitGood: "Good fit", funnel.FitPoor: "Poor fit"},
	Interest:     map[funnel.Interest]string{funnel.InterestHigh: "High interest", funnel.InterestLow: "Low interest"},
	ActionTitle: map[funnel.Action]string{
		funnel.ActionMQL:     "MQL: pass it to sales",
		funnel.ActionNurture: "Nurture",
		funnel.ActionDecide:  "A company decision",
		funnel.ActionDrop:    "Do not pass it to sales",
	},
	ActionText: map[funnel.Action]string{
		funnel.ActionMQL:     "Marketing marks it an MQL.",
		funnel.ActionNurture: "Marketing nurtures it with targeted emails, or passes it with a note so sales builds interest instead of closing.",
		funnel.ActionDecide:  "Decide as a company whether to sell: a poor-fit customer can cost more than no customer.",
		funnel.ActionDrop:    "Keep it out of the sales pipeline.",
	},
	FollowUp:   "Sales follows it up within %s h.",
	NotReady:   "An MQL that sales finds not ready to buy goes back to marketing as a lead (stage: %s), to keep nurturing.",
	SpeedTitle: "Why 24 hours",
	Speed:      "%s (%s) followed %s sales leads from %s B2C and %s B2B US companies: reps who tried to contact a lead within the first hour were %s× more likely to qualify it than those who waited longer; after 24 hours, %s× less likely.",

	ScenTitle:      "Scenarios",
	ScenIntro:      "Save what is on screen under a name, load it again, share its link, and compare two side by side.",
	ScenName:       "Scenario name",
	ScenSave:       "Save current scenario",
	ScenDefault:    "Scenario %d",
	ScenSaved:      "Saved “%s”.",
	ScenUpdated:    "Updated “%s” with what is on screen.",
	ScenDeleted:    "Deleted “%s”.",
	ScenRenamed:    "Renamed “%s” to “%s”.",
	ScenTaken:      "There is already a scenario named “%s”.",
	ScenEmpty:      "No saved scenarios yet.",
	ScenList:       "Saved scenarios",
	ScenItemName:   "Name of scenario “%s”",
	ScenRenameHint: "Edit a name and press Enter to rename it. Saving under an existing name updates it.",
	ScenLoad:       "Load",
	ScenLoadLabel:  "Load “%s”",
	ScenLink:       "Link",
	ScenLinkLabel:  "Link to “%s” (opens in a new tab)",
	ScenCopy:       "Copy link",
	ScenCopyLabel:  "Copy the link to “%s”",
	ScenDelete:     "Delete",
	ScenDelLabel:   "Delete “%s”",
	ScenCopied:     "Link to “%s” copied.",
	ScenCopyFail:   "The browser blocked the clipboard; the link is: %s",
	ScenBroken:     "The saved scenarios could not be read; the list starts empty.",
	ScenNoStorage:  "This browser does not let the page store scenarios.",
	ScenSummary:    "goal %s · %s visitors · %s reps",
	ScenFull:       "At most %s scenarios: delete one first.",

	CmpTitle:    "Compare two scenarios",
	CmpA:        "Scenario A",
	CmpB:        "Scenario B",
	CmpCurrent:  "Current (on screen)",
	CmpNeed:     "Save a scenario to compare it with what is on screen.",
	CmpCaption:  "“%s” against “%s”",
	CmpWhat:     "Per year",
	CmpChange:   "Change",
	CmpGoal:     "Revenue goal",
	CmpReps:     "Reps to have",
	CmpRevenue:  "Forecast revenue",
	CmpNote:     "Counts and reps are what each goal needs (plan); forecast revenue is what each scenario's traffic and team deliver.",
	CmpCurrency: "A is in %s and B in %s: money is not compared.",
	CmpError:    "These scenarios cannot be compared: %s.",

	ExpTitle:    "Export the SLA",
	ExpCopy:     "Copy SLA as text",
	ExpCopied:   "SLA copied to the clipboard.",
	ExpCopyFail: "The browser blocked the clipboard: select the text below and copy it.",
	ExpCopyBox:  "SLA as text",
	ExpCSV:      "Download CSV",
	ExpCSVDone:  "Downloaded %s.",
	ExpPrint:    "Print or save as PDF",
	ExpHint:     "The printout is a one-page SLA for both teams to sign.",
	PrintTitle:  "Service level agreement between Marketing and Sales",
	PrintDate:   "Date: %s",
	PrintReps:   "Reps to have: %s (workload %s FTE).",
	PrintLink:   "Scenario: %s",
	PrintAssume: "Assumptions: %s; %s work weeks a year; each rep reviews up to %s MQLs a week; %s calls and %s emails per SQL a week.",
	PrintSign:   "Signatures",
	SignMkt:     "Marketing",
	SignSales:   "Sales",
	SignName:    "Name and signature",
	SignDate:    "Date",
	TextTitle:   "Smarketing SLA (Embudo)",
	CSVFile:     "embudo-sla.csv",
	Unavailable: "—",
}

var whatIfSpanish = whatIfTexts{
	SensTitle:       "Qué palanca importa más",
	SensIntroPlan:   "Visitantes que necesita la meta si una sola tasa sube %s (hoy %s), de mayor a menor efecto.",
	SensIntroFcst:   "Ingresos al año si una sola tasa sube %s (hoy %s), de mayor a menor efecto.",
	SensStep:        "Paso",
	PP:              "%s p. p.",
	SensRate:        "Tasa",
	SensBars:        "Efecto",
	SensChangePlan:  "Visitantes",
	SensChangeFcst:  "Ingresos",
	SensCaptionPlan: "Cambio en los visitantes necesarios si cada tasa sube %s",
	SensCaptionFcst: "Cambio en los ingresos al año si cada tasa sube %s",
	SensLever:       "r%d · %s",
	SensCapped:      "ya está en 100 %",
	SensNone:        "sin cambio",
	SensUnavailable: "La sensibilidad no está disponible con estos datos.",

	LeadsTitle:       "Tráfico ↔ leads",
	LeadsIntro:       "Con tu tasa de visitantes → leads (%s), para cualquier periodo:",
	LeadsVisitors:    "Visitantes",
	LeadsGive:        "dan",
	LeadsUnit:        "leads",
	LeadsWanted:      "Leads deseados",
	LeadsNeed:        "necesitan",
	LeadsVisitorUnit: "visitantes",
	LeadsNote:        "Los leads se redondean hacia abajo y los visitantes hacia arriba, así los visitantes siempre alcanzan los leads. El ejemplo del artículo: con %s, %s leads al mes necesitan %s visitas (dice %s, pero %s × %s son %s).",

	GuideTitle:   "Guía para calificar leads: perfil × interés y la regla de 24 h",
	GuideCaption: "Qué hacer con un lead según su perfil y su interés",
	Fit:          map[funnel.Fit]string{funnel.FitGood: "Buen perfil", funnel.FitPoor: "Mal perfil"},
	Interest:     map[funnel.Interest]string{funnel.InterestHigh: "Interés alto", funnel.InterestLow: "Interés bajo"},
	ActionTitle: map[funnel.Action]string{
		funnel.ActionMQL:     "MQL: pásalo a ventas",
		funnel.ActionNurture: "Nutrir",
		funnel.ActionDecide:  "Una decisión de la empresa",
		funnel.ActionDrop:    "No lo pases a ventas",
	},
	ActionText: map[funnel.Action]string{
		funnel.ActionMQL:     "Marketing lo marca como MQL.",
		funnel.ActionNurture: "Marketing lo nutre con emails dirigidos, o lo pasa con una nota para que ventas genere interés en vez de cerrar.",
		funnel.ActionDecide:  "Decidan como empresa si venderle: un cliente con mal perfil puede costar más que ningún cliente.",
		funnel.ActionDrop:    "Déjalo fuera del proceso de ventas.",
	},
	FollowUp:   "Ventas le da seguimiento en menos de %s h.",
	NotReady:   "Un MQL que ventas considera no listo para comprar vuelve a marketing como lead (etapa: %s), para seguir nutriéndolo.",
	SpeedTitle: "Por qué 24 horas",
	Speed:      "%s (%s) siguió %s leads de ventas de %s empresas B2C y %s B2B de EE. UU.: los vendedores que intentaron contactar a un lead en la primera hora tuvieron %s veces más probabilidad de calificarlo que quienes esperaron más; después de 24 horas, %s veces menos.",

	ScenTitle:      "Escenarios",
	ScenIntro:      "Guarda lo que ves con un nombre, vuelve a cargarlo, comparte su enlace y compara dos lado a lado.",
	ScenName:       "Nombre del escenario",
	ScenSave:       "Guardar el escenario actual",
	ScenDefault:    "Escenario %d",
	ScenSaved:      "Se guardó «%s».",
	ScenUpdated:    "Se actualizó «%s» con lo que ves.",
	ScenDeleted:    "Se eliminó «%s».",
	ScenRenamed:    "«%s» ahora se llama «%s».",
	ScenTaken:      "Ya hay un escenario llamado «%s».",
	ScenEmpty:      "Aún no hay escenarios guardados.",
	ScenList:       "Escenarios guardados",
	ScenItemName:   "Nombre del escenario «%s»",
	ScenRenameHint: "Edita un nombre y pulsa Intro para renombrarlo. Guardar con un nombre que ya existe lo actualiza.",
	ScenLoad:       "Cargar",
	ScenLoadLabel:  "Cargar «%s»",
	ScenLink:       "Enlace",
	ScenLinkLabel:  "Enlace a «%s» (se abre en otra pestaña)",
	ScenCopy:       "Copiar enlace",
	ScenCopyLabel:  "Copiar el enlace a «%s»",
	ScenDelete:     "Eliminar",
	ScenDelLabel:   "Eliminar «%s»",
	ScenCopied:     "Se copió el enlace a «%s».",
	ScenCopyFail:   "El navegador bloqueó el portapapeles; el enlace es: %s",
	ScenBroken:     "No se pudieron leer los escenarios guardados; la lista empieza vacía.",
	ScenNoStorage:  "Este navegador no deja que la página guarde escenarios.",
	ScenSummary:    "meta %s · %s visitantes · %s vendedores",
	ScenFull:       "Como máximo %s escenarios: elimina uno primero.",

	CmpTitle:    "Comparar dos escenarios",
	CmpA:        "Escenario A",
	CmpB:        "Escenario B",
	CmpCurrent:  "Actual (en pantalla)",
	CmpNeed:     "Guarda un escenario para compararlo con lo que ves.",
	CmpCaption:  "«%s» frente a «%s»",
	CmpWhat:     "Al año",
	CmpChange:   "Cambio",
	CmpGoal:     "Meta de ingresos",
	CmpReps:     "Vendedores necesarios",
	CmpRevenue:  "Ingresos pronosticados",
	CmpNote:     "Las cantidades y los vendedores son lo que necesita cada meta (plan); los ingresos pronosticados son lo que dan el tráfico y el equipo de cada escenario.",
	CmpCurrency: "A está en %s y B en %s: no se compara el dinero.",
	CmpError:    "Estos escenarios no se pueden comparar: %s.",

	ExpTitle:    "Exportar el SLA",
	ExpCopy:     "Copiar el SLA como texto",
	ExpCopied:   "Se copió el SLA al portapapeles.",
	ExpCopyFail: "El navegador bloqueó el portapapeles: selecciona el texto de abajo y cópialo.",
	ExpCopyBox:  "El SLA como texto",
	ExpCSV:      "Descargar CSV",
	ExpCSVDone:  "Se descargó %s.",
	ExpPrint:    "Imprimir o guardar como PDF",
	ExpHint:     "La impresión es un SLA de una página para que lo firmen ambos equipos.",
	PrintTitle:  "Acuerdo de nivel de servicio entre Marketing y Ventas",
	PrintDate:   "Fecha: %s",
	PrintReps:   "Vendedores necesarios: %s (carga de trabajo de %s FTE).",
	PrintLink:   "Escenario: %s",
	PrintAssume: "Supuestos: %s; %s semanas laborales al año; cada vendedor revisa hasta %s MQLs por semana; %s llamadas y %s emails por SQL a la semana.",
	PrintSign:   "Firmas",
	SignMkt:     "Marketing",
	SignSales:   "Ventas",
	SignName:    "Nombre y firma",
	SignDate:    "Fecha",
	TextTitle:   "SLA de smarketing (Embudo)",
	CSVFile:     "embudo-sla.csv",
	Unavailable: "—",
}
