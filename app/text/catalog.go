package text

import "embudo.app/funnel"

// Catalog holds every word the UI shows, in one language. Sentences with
// numbers take them already formatted (%s); the comment after a sentence
// names its arguments in order. Every field must be set in every language:
// TestCatalogsComplete fails on an empty one.
type Catalog struct {
	// PageTitle is the document's title.
	PageTitle                                     string
	Tagline, LangLabel, CurLabel, ModeLabel       string
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
	SLASalesOne string // SLASales with one rep
	SLASales    string
	// short(reps, covered, needed, percent, load)
	Short string
	// exact(reps, load): nobody is short
	Exact string
	// activity(mqls, sqls, calls, emails)
	Activity           string
	RealLoad           string // (MQLs, SQLs) per rep per week, the plan's average
	NoticeParam        string // (param, message)
	NoticeStorage      string
	NoticeFault        string // an action failed inside the app (a recovered panic)
	StaleNote          string // results kept while fields are invalid: %s names them
	Errors             map[funnel.Code]string
	WholeNumber        string
	RevenueLarge       string
	Percent            string // "%s %%" or "%s%%"
	ForecastTitle      string
	TrafficRevenue     string
	CapacityRevenue    string
	ReachableCustomers string // forecast: customers the binding constraint allows
	ReachableRevenue   string
	TrafficCustomers   string // the traffic's own figure, labelled as such
	CapacityCustomers  string
	AloneTitle         string // heads each constraint's own figures
	ExpectedNote       string
	Bottleneck         map[funnel.Bottleneck]string
	ForecastTraffic    string // (trafficRevenue, capacityRevenue, gapOrSurplus)
	ForecastSales      string
	Gap, Surplus       string // (amount)
	OnTarget           string
	// goalLine(goal, ticket, customers)
	GoalLine string

	ShareTitle, ShareNote, CopyLink, CopyEmbed, Copied, EmbedTitle, OpenFull string
	CopyFail, CopyBox                                                        string // the clipboard refused: the text is selected in a box
	UpdateReady, Reload                                                      string
	KeyMQLs, KeyVisitors, KeyRevenue, KeyReps, KeyCustomers                  string
	RepsWhy                                                                  string // why ceil(FTE) reps, not the article's rounded-down count
	Headline                                                                 string
	AllInputs, MoreResults                                                   string // an embed's folded inputs and results

	// The installed app. The web app manifest (one per language) takes
	// its name from PageTitle, its short name (under the home-screen icon:
	// 12 characters at most) and description from here; Install is the
	// header's button while the browser offers to install the app, and
	// InstallHint its tooltip.
	AppShortName, AppDescription string
	Install, InstallHint         string

	InputsLabel, TableOf, ExpectedTitle, ExpectedYear string

	// OneRep(percent, load, cap): one rep with time to spare.
	OneRep string
	// Nouns, singular and plural, for the counts the sentences carry.
	RepNoun, CustomerNoun, SLACallNoun, SLAEmailNoun, CallNoun, EmailNoun Noun

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

	// The plan month by month (months.go in app/ui).
	MonthsTitle  string
	MonthsIntro  string
	MonthNames   [12]string // January..December
	MonthShort   [12]string // Jan..Dec
	MonthLabel   string     // (short month, year): "Oct 2025"
	CalYear      string
	CalStart     string
	CalSeason    string
	CalFlat      string
	CalPeak      string // December three times the other months
	CalLags      string
	CalDays      string // the unit of a lag
	CalRamp      string
	CalAttain    string
	CalMonth     string // the table's first column
	CalCapacity  string // MQLs the team can review
	CalHires     string
	CalLeadIn    string // marks a lead-in month
	CalLeadInCSV string // the CSV's lead-in column
	CalHireBy    string // (count, month): "Hire 2 by Oct 2025"
	CalShort     string // (MQLs) not reviewed in an uncovered month
	CalShortCSV  string // the CSV's shortfall column
	CalNoHires   string
	CalHiresSum  string // (hires, first month)
	CalUncovered string // (months): months no hire can cover
	CalChart     string
	CalChartNeed string
	CalChartCap  string
	CalNote      string
	CalUnavail   string
	CalLagOf     string // (rate's label): the label of a lag box

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
	ScenCopyFail   string // (name): the link is selected in a box
	ScenUnread     string // (n): saved entries that could not be read
	ScenOver       string // (max, n): saved entries past the list's limit
	ScenBroken     string
	ScenNoStorage  string
	ScenSummary    string // (goal, visitors, reps)
	ScenFull       string // (max)
	// Saving under a name that holds another scenario asks first.
	ScenAsk     string // (name): the question
	ScenReplace string
	ScenCancel  string
	ScenKept    string // (name): Cancel
	ScenSame    string // (name): the name holds what is on screen already
	// Loading; over unsaved changes, with an Undo.
	ScenLoaded     string // (name)
	ScenLoadedOver string // (name)
	ScenUndo       string
	ScenUndoLabel  string // (name)
	ScenRestored   string // (name)

	// Comparison.
	CmpTitle    string
	CmpA, CmpB  string
	CmpCurrent  string
	CmpNeed     string
	CmpCaption  string // (a, b)
	CmpWhat     string
	CmpChange   string
	CmpPerYear  string // (stage): a stage's yearly count
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

	// Export in forecast mode: the forecast, not the SLA.
	ExpTitleFcst   string
	ExpCopyFcst    string
	ExpCopiedFcst  string
	ExpCopyBoxFcst string
	ExpHintFcst    string
	CSVFileFcst    string
	// The CSV's heads beside a section's labels: the value and its unit.
	CSVValue, CSVUnit string
	// The forecast's export: what is reachable, and the team and traffic
	// on hand beside what the goal needs.
	ReachTitle    string
	NeedTitle     string
	RepsForGoal   string
	VisitsForGoal string

	// Solve for a lever (forecast mode).
	SolveTitle   string
	SolveIntro   string
	SolveLabel   string
	SolveNone    string                       // the select's "no lever" option
	SolveNeed    string                       // (lever, value, goal)
	SolveMet     string                       // (goal, lever, value)
	SolveNo      string                       // (lever, goal, max, constraint, ceiling)
	SolveLimit   map[funnel.Bottleneck]string // the constraint that caps revenue, in a sentence
	SolveApply   string
	SolveApplied string // (lever, value)

	// Rates from past counts (calibrate).
	CalTitle    string
	CalIntro    string
	CalPaste    string
	CalMonths   string
	CalCaption  string
	CalRate     string
	CalSample   string
	CalInterval string // (95 %)
	CalSmall    string // a rate's sample is too small to trust
	CalSmallTip string
	CalProblem  map[funnel.Problem]string // (stage, stage above)
	CalVisits   string                    // (visits a month, visitors, months)
	CalUse      string
	CalNone     string // nothing read yet
	CalUsed     string
	// Range(low, high customers, low, high revenue): the forecast's range
	// when counts are given.
	Range string
}

// Noun is a word in the singular and the plural.
type Noun [2]string
