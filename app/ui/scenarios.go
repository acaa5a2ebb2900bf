package ui

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"embudo.app/app/numfmt"
	"embudo.app/app/text"
	"embudo.app/funnel"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// scenariosKey holds the saved scenarios in localStorage: a JSON list of
// {"name": …, "query": …}, the query being a link query without lang and
// embed (scenarioQuery).
const scenariosKey = "embudo.scenarios"

const (
	maxScenarios = 50
	maxNameRunes = 60
	// Compare choices: what is on screen, or a saved scenario by name.
	choiceCurrent = "current"
	choiceSaved   = "s:"
)

// savedScenario is one named scenario as stored.
type savedScenario struct {
	Name  string `json:"name"`
	Query string `json:"query"`
}

// scenariosPanel saves the scenario on screen under a name, lists, renames,
// deletes and loads saved ones, gives each a link, and compares any two
// (the current one included) side by side.
type scenariosPanel struct {
	app.Compo

	Query string // scenarioQuery of what is on screen
	Lang  string
	Cur   string

	list   []savedScenario
	name   string                       // the name box
	a, b   string                       // compare choices; "" for the default
	status func(t *text.Catalog) string // the last action's outcome, in the current language
	failed bool                         // the last action failed

	// summaries caches each item's one-line summary by language, currency
	// and query: the panel re-renders on every slider move.
	summaries map[string]string
}

// OnInit reads the saved list before the first render: an OnMount would
// render the whole page again.
func (p *scenariosPanel) OnInit() {
	list, err := readScenarios()
	p.list = list
	if err != nil {
		p.fail(func(t *text.Catalog) string { return t.ScenBroken })
	}
}

// readScenarios reads the saved list; anything unreadable (not JSON, not a
// list of scenarios) is an empty list and an error. Entries that do not
// hold a valid scenario are dropped.
func readScenarios() ([]savedScenario, error) {
	return decodeScenarios([]byte(loadStored(scenariosKey)))
}

// decodeScenarios parses the stored JSON: an empty value is an empty list;
// invalid JSON is an error; entries with no name, a duplicate name or an
// invalid scenario are dropped (and reported).
func decodeScenarios(raw []byte) ([]savedScenario, error) {
	if len(strings.TrimSpace(string(raw))) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var all []savedScenario
	if err := json.Unmarshal(raw, &all); err != nil {
		return nil, err
	}
	var list []savedScenario
	dropped := 0
	for _, s := range all {
		name := cleanName(s.Name)
		_, ok := parseSaved(s.Query)
		if name == "" || !ok || indexOf(list, name) >= 0 || len(list) >= maxScenarios {
			dropped++
			continue
		}
		list = append(list, savedScenario{Name: name, Query: s.Query})
	}
	if dropped > 0 {
		return list, fmt.Errorf("%d saved scenarios dropped", dropped)
	}
	return list, nil
}

// parseSaved reads a saved query; false unless every parameter is valid and
// the plan and forecast can be computed.
func parseSaved(query string) (funnel.Scenario, bool) {
	if len(query) > 1024 {
		return funnel.Scenario{}, false
	}
	q, err := url.ParseQuery(query)
	if err != nil {
		return funnel.Scenario{}, false
	}
	sc, errs := parseLink(q)
	if len(errs) > 0 {
		return funnel.Scenario{}, false
	}
	if _, err := funnel.ComputeForecast(sc.Inputs); err != nil { // validates the plan too
		return funnel.Scenario{}, false
	}
	return sc, true
}

// cleanName trims a name, folds its spaces and cuts it to maxNameRunes.
func cleanName(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > maxNameRunes {
		s = string([]rune(s)[:maxNameRunes])
	}
	return s
}

func indexOf(list []savedScenario, name string) int {
	for i, s := range list {
		if s.Name == name {
			return i
		}
	}
	return -1
}

// writeScenarios stores the list.
func writeScenarios(list []savedScenario) error {
	if list == nil {
		list = []savedScenario{}
	}
	b, err := json.Marshal(list)
	if err != nil {
		return err
	}
	if !store(scenariosKey, string(b)) {
		return fmt.Errorf("storing %s failed", scenariosKey)
	}
	return nil
}

// change applies f to the stored list (read afresh, so that another tab's
// saves survive) and stores the result; false when storing failed.
func (p *scenariosPanel) change(ctx app.Context, f func([]savedScenario) []savedScenario) bool {
	list, err := readScenarios()
	if err != nil && list == nil {
		list = p.list
	}
	list = f(append([]savedScenario(nil), list...))
	if err := writeScenarios(list); err != nil {
		p.fail(func(t *text.Catalog) string { return t.ScenNoStorage })
		return false
	}
	p.list = list
	return true
}

func (p *scenariosPanel) ok(s func(t *text.Catalog) string)   { p.status, p.failed = s, false }
func (p *scenariosPanel) fail(s func(t *text.Catalog) string) { p.status, p.failed = s, true }

func (p *scenariosPanel) onName(ctx app.Context, e app.Event) {
	p.name = ctx.JSSrc().Get("value").String()
}

func (p *scenariosPanel) onNameKey(ctx app.Context, e app.Event) {
	if e.Get("key").String() == "Enter" {
		p.onSave(ctx, e)
	}
}

func (p *scenariosPanel) onSave(ctx app.Context, e app.Event) {
	query := p.Query
	name := cleanName(p.name)
	updated, full := false, false
	saved := p.change(ctx, func(list []savedScenario) []savedScenario {
		if name == "" {
			for n := len(list) + 1; ; n++ {
				name = fmt.Sprintf(text.For(p.Lang).ScenDefault, n)
				if indexOf(list, name) < 0 {
					break
				}
			}
		}
		if i := indexOf(list, name); i >= 0 {
			list[i].Query, updated = query, true
			return list
		}
		if len(list) >= maxScenarios {
			full = true
			return list
		}
		return append(list, savedScenario{Name: name, Query: query})
	})
	switch {
	case !saved:
		return
	case full:
		p.fail(func(t *text.Catalog) string { return fmt.Sprintf(t.ScenFull, strconv.Itoa(maxScenarios)) })
		return
	case updated:
		p.ok(func(t *text.Catalog) string { return fmt.Sprintf(t.ScenUpdated, name) })
	default:
		p.ok(func(t *text.Catalog) string { return fmt.Sprintf(t.ScenSaved, name) })
	}
	// Empty the box: go-app v10.1.10 does not render an empty value.
	p.name = ""
	setValue("scenario-name", "")
}

// nameOf is the saved scenario an item's control belongs to.
func nameOf(ctx app.Context) string {
	return ctx.JSSrc().Get("dataset").Get("name").String()
}

func (p *scenariosPanel) onRename(ctx app.Context, e app.Event) {
	src := ctx.JSSrc()
	old, name := nameOf(ctx), cleanName(src.Get("value").String())
	if name == "" || name == old {
		src.Set("value", old)
		return
	}
	taken := false
	if !p.change(ctx, func(list []savedScenario) []savedScenario {
		i := indexOf(list, old)
		if indexOf(list, name) >= 0 {
			taken = true
		} else if i >= 0 {
			list[i].Name = name
		}
		return list
	}) {
		return
	}
	if taken {
		src.Set("value", old)
		p.fail(func(t *text.Catalog) string { return fmt.Sprintf(t.ScenTaken, name) })
		return
	}
	for _, c := range []*string{&p.a, &p.b} {
		if *c == choiceSaved+old {
			*c = choiceSaved + name
		}
	}
	p.ok(func(t *text.Catalog) string { return fmt.Sprintf(t.ScenRenamed, old, name) })
}

func (p *scenariosPanel) onDelete(ctx app.Context, e app.Event) {
	name := nameOf(ctx)
	if !p.change(ctx, func(list []savedScenario) []savedScenario {
		if i := indexOf(list, name); i >= 0 {
			list = append(list[:i], list[i+1:]...)
		}
		return list
	}) {
		return
	}
	p.ok(func(t *text.Catalog) string { return fmt.Sprintf(t.ScenDeleted, name) })
}

// link is the absolute address of a saved scenario, in the reader's
// language.
func (p *scenariosPanel) link(ctx app.Context, s savedScenario) *url.URL {
	u := *ctx.Page().URL()
	u.RawQuery, u.Fragment = linkQuery(s.Query, p.Lang), ""
	return &u
}

func (p *scenariosPanel) onLoad(ctx app.Context, e app.Event) {
	i := indexOf(p.list, nameOf(ctx))
	if i < 0 {
		return
	}
	ctx.NewActionWithValue(loadScenarioAction, linkQuery(p.list[i].Query, p.Lang))
}

func (p *scenariosPanel) onCopyLink(ctx app.Context, e app.Event) {
	i := indexOf(p.list, nameOf(ctx))
	if i < 0 {
		return
	}
	name, link := p.list[i].Name, p.link(ctx, p.list[i]).String()
	clipboardWrite(link, func(ok bool) {
		ctx.Dispatch(func(ctx app.Context) {
			if ok {
				p.ok(func(t *text.Catalog) string { return fmt.Sprintf(t.ScenCopied, name) })
				return
			}
			p.fail(func(t *text.Catalog) string { return fmt.Sprintf(t.ScenCopyFail, link) })
		})
	})
}

func (p *scenariosPanel) Render() app.UI {
	t, n := text.For(p.Lang), formatFor(p.Lang, p.Cur)
	status := ""
	if p.status != nil {
		status = p.status(t)
	}
	statusClass := "scen-status"
	if p.failed {
		statusClass += " failed"
	}
	items := make([]app.UI, 0, len(p.list))
	for _, s := range p.list {
		items = append(items, p.renderItem(t, n, s))
	}
	return app.Div().Class("scenario-tools").Body(
		app.Section().Class("card scenarios").Aria("labelledby", "scen-title").Body(
			app.H2().ID("scen-title").Text(t.ScenTitle),
			app.P().Class("note").Text(t.ScenIntro),
			app.Div().Class("scen-save").Body(
				app.Label().For("scenario-name").Text(t.ScenName),
				app.Div().Class("scen-save-row").Body(
					app.Input().Type("text").ID("scenario-name").DataSet("testid", "scenario-name").
						AutoComplete(false).MaxLength(maxNameRunes).Value(p.name).
						OnInput(p.onName).OnKeyDown(p.onNameKey),
					app.Button().Type("button").Class("primary").DataSet("testid", "scenario-save").
						OnClick(p.onSave).Text(t.ScenSave),
				),
			),
			app.P().Class(statusClass).DataSet("testid", "scenario-status").Attr("role", "status").Text(status),
			app.H3().ID("scen-list-title").Text(t.ScenList),
			app.If(len(items) == 0, func() app.UI {
				return app.P().Class("note").DataSet("testid", "scenario-empty").Text(t.ScenEmpty)
			}).Else(func() app.UI {
				return app.Ul().Class("scen-list").Aria("labelledby", "scen-list-title").Body(items...)
			}),
			app.If(len(items) > 0, func() app.UI { return app.P().Class("note").Text(t.ScenRenameHint) }),
		),
		p.renderCompare(t, n),
	)
}

// summary is a saved scenario in one line: goal, visitors, reps.
func (p *scenariosPanel) summary(t *text.Catalog, n numfmt.Formatter, s savedScenario) string {
	key := p.Lang + "|" + p.Cur + "|" + s.Query
	if v, ok := p.summaries[key]; ok {
		return v
	}
	summary := ""
	if sc, ok := parseSaved(s.Query); ok {
		if plan, err := funnel.ComputePlan(sc.Inputs); err == nil {
			summary = fmt.Sprintf(t.ScenSummary, formatFor(p.Lang, sc.Cur).Money(sc.Goal),
				numfmt.Int(n, plan.Stages[funnel.Visitors].Year), numfmt.Int(n, plan.Reps))
		}
	}
	if p.summaries == nil || len(p.summaries) > 4*maxScenarios {
		p.summaries = map[string]string{}
	}
	p.summaries[key] = summary
	return summary
}

func (p *scenariosPanel) renderItem(t *text.Catalog, n numfmt.Formatter, s savedScenario) app.UI {
	summary := p.summary(t, n, s)
	return app.Li().Class("scen-item").DataSet("testid", "scenario-item").DataSet("name", s.Name).Body(
		app.Div().Class("scen-main").Body(
			app.Input().Type("text").Class("scen-rename").DataSet("name", s.Name).DataSet("testid", "scenario-rename").
				Aria("label", fmt.Sprintf(t.ScenItemName, s.Name)).AutoComplete(false).MaxLength(maxNameRunes).
				Value(s.Name).OnChange(p.onRename),
			app.Span().Class("scen-summary").Text(summary),
		),
		app.Div().Class("scen-actions").Body(
			app.Button().Type("button").DataSet("name", s.Name).DataSet("testid", "scenario-load").
				Aria("label", fmt.Sprintf(t.ScenLoadLabel, s.Name)).OnClick(p.onLoad).Text(t.ScenLoad),
			app.A().Href("?"+linkQuery(s.Query, p.Lang)).Target("_blank").Rel("noopener").
				DataSet("testid", "scenario-link").
				Aria("label", fmt.Sprintf(t.ScenLinkLabel, s.Name)).Text(t.ScenLink),
			app.Button().Type("button").DataSet("name", s.Name).DataSet("testid", "scenario-copy").
				Aria("label", fmt.Sprintf(t.ScenCopyLabel, s.Name)).OnClick(p.onCopyLink).Text(t.ScenCopy),
			app.Button().Type("button").Class("danger").DataSet("name", s.Name).DataSet("testid", "scenario-delete").
				Aria("label", fmt.Sprintf(t.ScenDelLabel, s.Name)).OnClick(p.onDelete).Text(t.ScenDelete),
		),
	)
}

// scenarioQuery is a scenario's link query without the language and the
// embed flag: what a saved scenario keeps, and what links add the reader's
// language to.
func scenarioQuery(sc funnel.Scenario) string {
	sc.Lang, sc.Embed = "", false
	return sc.Query().Encode()
}
