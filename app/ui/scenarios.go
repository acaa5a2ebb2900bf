package ui

import (
	"encoding/json"
	"errors"
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
//
// Saving under a name that holds another scenario asks first, in the
// panel (Replace or Cancel; Cancel keeps the saved one). Loading over
// unsaved changes does not ask: it loads at once and offers Undo in the
// status line, which puts back exactly the scenario that was on screen
// (see scenarioFlow).
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
	manual string                       // a link to copy by hand: the clipboard refused it
	flow   scenarioFlow                 // a question pending, the last saved or loaded, Undo

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
		p.fail(readStatus(err))
	}
}

// droppedError tells what decodeScenarios left out of a readable list:
// entries it could not read, and entries past maxScenarios.
type droppedError struct{ unread, over int }

func (e *droppedError) Error() string {
	return fmt.Sprintf("%d saved scenarios unreadable, %d past the limit", e.unread, e.over)
}

// readStatus is the status line after reading a list with err: what was
// left out and why, or, when nothing could be read, that the list starts
// empty.
func readStatus(err error) func(t *text.Catalog) string {
	var d *droppedError
	if !errors.As(err, &d) {
		return func(t *text.Catalog) string { return t.ScenBroken }
	}
	return func(t *text.Catalog) string {
		var parts []string
		if d.unread > 0 {
			parts = append(parts, fmt.Sprintf(t.ScenUnread, strconv.Itoa(d.unread)))
		}
		if d.over > 0 {
			parts = append(parts, fmt.Sprintf(t.ScenOver, strconv.Itoa(maxScenarios), strconv.Itoa(d.over)))
		}
		return strings.Join(parts, " ")
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
	var dropped droppedError
	for _, s := range all {
		name := cleanName(s.Name)
		_, ok := parseSaved(s.Query)
		if name == "" || !ok || indexOf(list, name) >= 0 || strings.ContainsRune(name, utf8.RuneError) {
			dropped.unread++
			continue
		}
		if len(list) >= maxScenarios {
			dropped.over++
			continue
		}
		list = append(list, savedScenario{Name: name, Query: s.Query})
	}
	if dropped.unread > 0 || dropped.over > 0 {
		return list, &dropped
	}
	return list, nil
}

// parseSaved reads a saved query; false unless every parameter is valid and
// the plan and forecast can be computed.
func parseSaved(query string) (funnel.Scenario, bool) { return readStored(query) }

// canonicalQuery is a saved query as the calculator writes the scenario
// it opens (scenarioQuery), to compare with what is on screen; an
// unreadable query is itself.
func canonicalQuery(query string) string {
	if sc, ok := parseSaved(query); ok {
		return scenarioQuery(sc)
	}
	return query
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

// ok and fail set the status line. Any new outcome ends a pending
// question and the Undo of an earlier load.
func (p *scenariosPanel) ok(s func(t *text.Catalog) string) {
	p.status, p.failed, p.manual = s, false, ""
	p.flow.settle()
}

func (p *scenariosPanel) fail(s func(t *text.Catalog) string) {
	p.status, p.failed, p.manual = s, true, ""
	p.flow.settle()
}

// saveOutcome is what saving under a name did.
type saveOutcome int

const (
	saveAdded    saveOutcome = iota // a new name
	saveReplaced                    // the name held another scenario, which the user agreed to replace
	saveSame                        // the name held this very scenario: nothing to replace
	saveAsk                         // the name holds another scenario: nothing changed, ask first
	saveFull                        // no room for a new name
)

// saveTo saves query (canonical, scenarioQuery) under name in list. A
// blank name is the first free default name (defaultName's %d). A name
// that holds another scenario is replaced only when replace says the
// user agreed; otherwise nothing changes and the outcome is saveAsk. It
// returns the list, the name used and the outcome.
func saveTo(list []savedScenario, name, query, defaultName string, replace bool) ([]savedScenario, string, saveOutcome) {
	if name == "" {
		for n := len(list) + 1; ; n++ {
			name = fmt.Sprintf(defaultName, n)
			if indexOf(list, name) < 0 {
				break
			}
		}
	}
	i := indexOf(list, name)
	switch {
	case i >= 0 && canonicalQuery(list[i].Query) == query:
		return list, name, saveSame
	case i >= 0 && !replace:
		return list, name, saveAsk
	case i >= 0:
		list[i].Query = query
		return list, name, saveReplaced
	case len(list) >= maxScenarios:
		return list, name, saveFull
	}
	return append(list, savedScenario{Name: name, Query: query}), name, saveAdded
}

// scenarioFlow is what the panel keeps between actions besides the list:
// the name a save asks to replace, the scenario last saved or loaded, and
// what Undo puts back after a load. It holds no browser, so the tests
// drive it natively; queries are canonical (scenarioQuery).
type scenarioFlow struct {
	confirm  string    // the name whose scenario a save asks to replace; "" when none
	baseline string    // the last scenario saved or loaded on this page; "" before any
	undo     *loadUndo // the last load's Undo; nil when there is none
}

// loadUndo is a load over unsaved changes, to undo.
type loadUndo struct {
	name     string // the scenario loaded
	loaded   string // its query: Undo is offered while the screen shows it
	previous string // the scenario on screen before: Undo opens it again
	baseline string // the flow's baseline before: Undo restores it too
}

// settle ends a pending question and the offer of an Undo.
func (f *scenarioFlow) settle() { f.confirm, f.undo = "", nil }

// saved records that current is now saved.
func (f *scenarioFlow) saved(current string) { f.baseline = current }

// unsaved tells whether current, the scenario on screen, holds changes a
// load would lose: it differs from the last scenario saved or loaded on
// this page, or, before any, is none of the saved ones.
func (f *scenarioFlow) unsaved(current string, list []savedScenario) bool {
	if f.baseline != "" {
		return current != f.baseline
	}
	for _, s := range list {
		if canonicalQuery(s.Query) == current {
			return false
		}
	}
	return true
}

// load records loading the saved scenario name (query) over current, and
// tells whether it goes over unsaved changes: then Undo can put current
// back (settle first: load sets the new Undo).
func (f *scenarioFlow) load(name, query, current string, list []savedScenario) bool {
	over := query != current && f.unsaved(current, list)
	if over {
		f.undo = &loadUndo{name: name, loaded: query, previous: current, baseline: f.baseline}
	}
	f.baseline = query
	return over
}

// undoable is the Undo on offer while current is the scenario it loaded:
// once the reader changes it, Undo would lose those changes instead.
func (f *scenarioFlow) undoable(current string) *loadUndo {
	if f.undo != nil && f.undo.loaded == current {
		return f.undo
	}
	return nil
}

// undoLoad takes the Undo on offer: the scenario to open again and the
// loaded one's name; false when there is none.
func (f *scenarioFlow) undoLoad(current string) (previous, name string, ok bool) {
	u := f.undoable(current)
	if u == nil {
		return "", "", false
	}
	f.baseline, f.undo = u.baseline, nil
	return u.previous, u.name, true
}

func (p *scenariosPanel) onName(ctx app.Context, e app.Event) {
	p.name = ctx.JSSrc().Get("value").String()
}

func (p *scenariosPanel) onNameKey(ctx app.Context, e app.Event) {
	if e.Get("key").String() == "Enter" {
		p.onSave(ctx, e)
	}
}

func (p *scenariosPanel) onSave(ctx app.Context, e app.Event) {
	p.save(ctx, cleanName(p.name), false)
}

// onReplace answers the question: replace the named scenario with what
// is on screen now.
func (p *scenariosPanel) onReplace(ctx app.Context, e app.Event) {
	if name := p.flow.confirm; name != "" {
		p.save(ctx, name, true)
		focusTestID("scenario-name", "") // at once: this button goes, and go-app drops the Defers of an element gone
	}
}

// onCancel answers the question: the saved scenario stays as it was, and
// the name box keeps the name, to save under another.
func (p *scenariosPanel) onCancel(ctx app.Context, e app.Event) {
	name := p.flow.confirm
	if name == "" {
		return
	}
	p.ok(func(t *text.Catalog) string { return fmt.Sprintf(t.ScenKept, name) })
	focusTestID("scenario-name", "") // at once: this button goes, and go-app drops the Defers of an element gone
}

// onConfirmKey: Escape in the question is Cancel.
func (p *scenariosPanel) onConfirmKey(ctx app.Context, e app.Event) {
	if e.Get("key").String() == "Escape" {
		p.onCancel(ctx, e)
	}
}

// save saves what is on screen under name (blank: a default name);
// replace says the user agreed to replace the scenario the name holds.
func (p *scenariosPanel) save(ctx app.Context, name string, replace bool) {
	query := p.Query
	var outcome saveOutcome
	if !p.change(ctx, func(list []savedScenario) []savedScenario {
		list, name, outcome = saveTo(list, name, query, text.For(p.Lang).ScenDefault, replace)
		return list
	}) {
		return
	}
	switch outcome {
	case saveAsk:
		// The question takes the status line's place; focus goes to its
		// least harmful answer.
		p.status, p.failed = nil, false
		p.flow.settle()
		p.flow.confirm = name
		ctx.Defer(guard(func(app.Context) { focusTestID("scenario-cancel", "") }))
		return
	case saveFull:
		p.fail(func(t *text.Catalog) string { return fmt.Sprintf(t.ScenFull, strconv.Itoa(maxScenarios)) })
		return
	case saveSame:
		p.ok(func(t *text.Catalog) string { return fmt.Sprintf(t.ScenSame, name) })
	case saveReplaced:
		p.ok(func(t *text.Catalog) string { return fmt.Sprintf(t.ScenUpdated, name) })
	default:
		p.ok(func(t *text.Catalog) string { return fmt.Sprintf(t.ScenSaved, name) })
	}
	p.flow.saved(query)
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
	if query, ok := p.load(nameOf(ctx)); ok {
		ctx.NewActionWithValue(loadScenarioAction, linkQuery(query, p.Lang))
	}
}

// load records loading the saved scenario name and returns its query to
// open. Over unsaved changes it loads all the same, and the status line
// says so with an Undo (asking first would put a question before every
// load; Undo costs a click only to whoever wants the changes back).
func (p *scenariosPanel) load(name string) (string, bool) {
	i := indexOf(p.list, name)
	if i < 0 {
		return "", false
	}
	s := p.list[i]
	p.ok(func(t *text.Catalog) string { return fmt.Sprintf(t.ScenLoaded, name) })
	if p.flow.load(name, canonicalQuery(s.Query), p.Query, p.list) {
		p.status = func(t *text.Catalog) string { return fmt.Sprintf(t.ScenLoadedOver, name) }
	}
	return s.Query, true
}

// onUndo opens again the scenario a load replaced.
func (p *scenariosPanel) onUndo(ctx app.Context, e app.Event) {
	if query, name, ok := p.undo(); ok {
		ctx.NewActionWithValue(loadScenarioAction, linkQuery(query, p.Lang))
		// Focus the loaded scenario's Load button at once: this button
		// goes, and go-app drops the Defers of an element gone.
		focusTestID("scenario-load", name)
	}
}

// undo takes the Undo on offer and returns the scenario to open.
func (p *scenariosPanel) undo() (query, name string, ok bool) {
	query, name, ok = p.flow.undoLoad(p.Query)
	if ok {
		p.ok(func(t *text.Catalog) string { return fmt.Sprintf(t.ScenRestored, name) })
	}
	return query, name, ok
}

func (p *scenariosPanel) onCopyLink(ctx app.Context, e app.Event) {
	i := indexOf(p.list, nameOf(ctx))
	if i < 0 {
		return
	}
	name, link := p.list[i].Name, p.link(ctx, p.list[i]).String()
	clipboardWrite(link, func(ok bool) {
		ctx.Dispatch(guard(func(ctx app.Context) {
			if ok {
				p.ok(func(t *text.Catalog) string { return fmt.Sprintf(t.ScenCopied, name) })
				return
			}
			p.fail(func(t *text.Catalog) string { return fmt.Sprintf(t.ScenCopyFail, name) })
			p.manual = link
			selectText("scenario-manual") // after the render: it waits for the box
		}))
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
	return app.Div().Class("scenario-tools").DataSet("view", viewScenarios).Body(
		app.Section().Class("card scenarios").Aria("labelledby", "scen-title").Body(
			app.H2().ID("scen-title").Text(t.ScenTitle),
			app.P().Class("note").Text(t.ScenIntro),
			app.Div().Class("scen-save").Body(
				app.Label().For("scenario-name").Text(t.ScenName),
				app.Div().Class("scen-save-row").Body(
					app.Input().Type("text").ID("scenario-name").DataSet("testid", "scenario-name").
						AutoComplete(false).MaxLength(maxNameRunes).Value(p.name).
						OnInput(handle(p.onName)).OnKeyDown(handle(p.onNameKey)),
					app.Button().Type("button").Class("primary").DataSet("testid", "scenario-save").
						OnClick(handle(p.onSave)).Text(t.ScenSave),
				),
			),
			p.renderConfirm(t),
			app.Div().Class("scen-status-line").Body(
				app.P().Class(statusClass).DataSet("testid", "scenario-status").Attr("role", "status").Text(status),
				p.renderUndo(t),
			),
			app.If(p.manual != "", func() app.UI {
				return app.Div().Class("manual-copy").Body(
					app.Label().For("scenario-manual").Text(t.CopyBox),
					app.Textarea().ID("scenario-manual").DataSet("testid", "scenario-manual").ReadOnly(true).
						Rows(3).Text(p.manual),
				)
			}),
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

// renderConfirm is the question a save under a taken name asks: an
// alert dialog inside the panel (not modal: the page stays usable), its
// answers plain buttons, Escape for Cancel.
func (p *scenariosPanel) renderConfirm(t *text.Catalog) app.UI {
	if p.flow.confirm == "" {
		return app.Div().Class("scen-confirm-slot")
	}
	return app.Div().Class("scen-confirm-slot").Body(
		app.Div().Class("scen-confirm").DataSet("testid", "scenario-confirm").
			Attr("role", "alertdialog").Aria("labelledby", "scen-confirm-q").OnKeyDown(handle(p.onConfirmKey)).Body(
			app.P().ID("scen-confirm-q").Text(fmt.Sprintf(t.ScenAsk, p.flow.confirm)),
			app.Div().Class("scen-confirm-actions").Body(
				app.Button().Type("button").Class("primary").DataSet("testid", "scenario-replace").
					OnClick(handle(p.onReplace)).Text(t.ScenReplace),
				app.Button().Type("button").DataSet("testid", "scenario-cancel").
					OnClick(handle(p.onCancel)).Text(t.ScenCancel),
			),
		),
	)
}

// renderUndo is the Undo of a load over unsaved changes, while it is on
// offer.
func (p *scenariosPanel) renderUndo(t *text.Catalog) app.UI {
	u := p.flow.undoable(p.Query)
	if u == nil {
		return nil
	}
	return app.Button().Type("button").DataSet("testid", "scenario-undo").DataSet("name", u.name).
		Aria("label", fmt.Sprintf(t.ScenUndoLabel, u.name)).OnClick(handle(p.onUndo)).Text(t.ScenUndo)
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
				Value(s.Name).OnChange(handle(p.onRename)),
			app.Span().Class("scen-summary").Text(summary),
		),
		app.Div().Class("scen-actions").Body(
			app.Button().Type("button").DataSet("name", s.Name).DataSet("testid", "scenario-load").
				Aria("label", fmt.Sprintf(t.ScenLoadLabel, s.Name)).OnClick(handle(p.onLoad)).Text(t.ScenLoad),
			app.A().Href("?"+linkQuery(s.Query, p.Lang)).Target("_blank").Rel("noopener").
				DataSet("testid", "scenario-link").
				Aria("label", fmt.Sprintf(t.ScenLinkLabel, s.Name)).Text(t.ScenLink),
			app.Button().Type("button").DataSet("name", s.Name).DataSet("testid", "scenario-copy").
				Aria("label", fmt.Sprintf(t.ScenCopyLabel, s.Name)).OnClick(handle(p.onCopyLink)).Text(t.ScenCopy),
			app.Button().Type("button").Class("danger").DataSet("name", s.Name).DataSet("testid", "scenario-delete").
				Aria("label", fmt.Sprintf(t.ScenDelLabel, s.Name)).OnClick(handle(p.onDelete)).Text(t.ScenDelete),
		),
	)
}

// scenarioQuery is a scenario's link query without the language and the
// embed flag: what a saved scenario keeps, and what links add the reader's
// language to.
func scenarioQuery(sc funnel.Scenario) string {
	sc.Lang, sc.Embed = "", false
	return queryText(sc)
}
