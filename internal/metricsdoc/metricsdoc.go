// Package metricsdoc generates the metric catalogue, docs/metrics.md, from
// the module's source. It parses every non-test Go file with go/ast and finds
// each call of a Prometheus metric constructor
// (prometheus.New{Counter,Gauge,Histogram,Summary}{,Vec} and the
// New{Counter,Gauge,Untyped}Func variants). The options' Namespace, Subsystem,
// Name and Help and the label names must be constant: string literals,
// concatenations of them, constants of the package or of the enclosing
// function, or parameters of the enclosing function (or closure) that every
// call site in the package sets to such a constant. A parameter set at
// several call sites yields one metric per call site, so a helper such as
// node's counter(name, help, labels...) inside newMetrics(reg, subsystem)
// yields triggerx_keeper_... and triggerx_aggregator_... metrics. Anything
// else makes Collect fail with the position of the metric, so that no metric
// escapes the catalogue.
//
// The package holds no state; its functions are safe for concurrent use.
package metricsdoc

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// promPath is the import path of the Prometheus client library.
const promPath = "github.com/prometheus/client_golang/prometheus"

// constructors maps the metric constructors to the metric type and whether
// the second argument is the label names.
var constructors = map[string]struct {
	typ    string
	labels bool
}{
	"NewCounter":      {"counter", false},
	"NewCounterVec":   {"counter", true},
	"NewGauge":        {"gauge", false},
	"NewGaugeVec":     {"gauge", true},
	"NewHistogram":    {"histogram", false},
	"NewHistogramVec": {"histogram", true},
	"NewSummary":      {"summary", false},
	"NewSummaryVec":   {"summary", true},
	"NewCounterFunc":  {"counter", false},
	"NewGaugeFunc":    {"gauge", false},
	"NewUntypedFunc":  {"untyped", false},
}

// unsupported are constructors that define metrics in a way Collect cannot
// follow (custom collectors); meeting one is an error.
var unsupported = map[string]bool{"NewDesc": true, "NewUntyped": true, "NewUntypedVec": true}

// Metric is one metric definition found in the source.
type Metric struct {
	Name    string   // fully qualified: namespace_subsystem_name
	Type    string   // counter, gauge, histogram, summary or untyped
	Labels  []string // variable label names, in declaration order
	Help    string
	Package string // import path of the defining package
	File    string // defining file, slash-separated, relative to the module root
	Line    int    // line of the constructor call
}

// Generate returns the markdown catalogue (docs/metrics.md) of the metrics
// of the module rooted at root.
func Generate(root string) ([]byte, error) {
	ms, err := Collect(root)
	if err != nil {
		return nil, err
	}
	return render(ms), nil
}

// Collect returns the metrics defined in the non-test Go files of the module
// rooted at root, sorted by package, name and file. Directories named
// testdata or vendor, or starting with "." or "_", are skipped.
func Collect(root string) ([]Metric, error) {
	module, err := modulePath(root)
	if err != nil {
		return nil, err
	}
	dirs := map[string][]string{} // directory → its Go files
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && (name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") {
			dirs[filepath.Dir(p)] = append(dirs[filepath.Dir(p)], p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("walk %s: %w", root, err)
	}
	names := make([]string, 0, len(dirs))
	for dir := range dirs {
		names = append(names, dir)
	}
	sort.Strings(names)
	var all []Metric
	var errs []error
	for _, dir := range names {
		files := dirs[dir]
		rel, err := filepath.Rel(root, dir)
		if err != nil {
			return nil, err
		}
		importPath := module
		if rel != "." {
			importPath = path.Join(module, filepath.ToSlash(rel))
		}
		ms, err := collectPackage(root, importPath, files)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		all = append(all, ms...)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	sort.Slice(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.Package != b.Package {
			return a.Package < b.Package
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.File < b.File
	})
	return all, nil
}

func modulePath(root string) (string, error) {
	b, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return "", fmt.Errorf("read module path: %w", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "module" {
			return strings.Trim(f[1], `"`), nil
		}
	}
	return "", fmt.Errorf("read module path: no module line in %s", filepath.Join(root, "go.mod"))
}

// pkg is one parsed package directory (build tags are ignored: every file
// counts, so a metric behind a tag is still catalogued).
type pkg struct {
	root   string
	fset   *token.FileSet
	path   string
	consts map[string]ast.Expr // package-level string constants
	calls  []call              // every call expression, with its enclosing functions
	// funcs describes every function declaration and literal.
	funcs map[ast.Node]*funcInfo
}

// call is a call expression and the functions (outermost first) around it.
type call struct {
	expr *ast.CallExpr
	path []ast.Node
	prom string // the file's name of the prometheus package, "" if not imported
}

type funcInfo struct {
	name     string // declared name, or the variable a literal is assigned to
	method   bool
	params   []string
	variadic bool
	consts   map[string]ast.Expr // constants declared in the body
	parent   ast.Node            // enclosing function of a literal
}

func collectPackage(root, importPath string, files []string) ([]Metric, error) {
	p := &pkg{root: root, fset: token.NewFileSet(), path: importPath, consts: map[string]ast.Expr{}, funcs: map[ast.Node]*funcInfo{}}
	sort.Strings(files)
	for _, name := range files {
		f, err := parser.ParseFile(p.fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, fmt.Errorf("parse: %w", err)
		}
		p.index(f)
	}
	var ms []Metric
	var errs []error
	seen := map[string]bool{}
	for _, c := range p.calls {
		if c.prom == "" {
			continue
		}
		sel, ok := c.expr.Fun.(*ast.SelectorExpr)
		if !ok {
			continue
		}
		if x, ok := sel.X.(*ast.Ident); !ok || x.Name != c.prom {
			continue
		}
		if unsupported[sel.Sel.Name] {
			errs = append(errs, fmt.Errorf("%s: prometheus.%s defines a metric metricsdoc cannot catalogue", p.pos(c.expr), sel.Sel.Name))
			continue
		}
		kind, ok := constructors[sel.Sel.Name]
		if !ok {
			continue
		}
		found, err := p.site(c, kind.typ, kind.labels)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, m := range found {
			key := m.Name + "\x00" + m.File + "\x00" + strconv.Itoa(m.Line)
			if !seen[key] {
				seen[key] = true
				ms = append(ms, m)
			}
		}
	}
	return ms, errors.Join(errs...)
}

// index records the file's constants, functions and calls.
func (p *pkg) index(f *ast.File) {
	prom := ""
	for _, imp := range f.Imports {
		if v, _ := strconv.Unquote(imp.Path.Value); v == promPath {
			prom = "prometheus"
			if imp.Name != nil {
				prom = imp.Name.Name
			}
		}
	}
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.CONST {
			addConsts(p.consts, g)
		}
	}
	var stack []ast.Node // enclosing functions
	var nodes []ast.Node // every open node, to pop functions on exit
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			top := nodes[len(nodes)-1]
			nodes = nodes[:len(nodes)-1]
			if len(stack) > 0 && stack[len(stack)-1] == top {
				stack = stack[:len(stack)-1]
			}
			return true
		}
		nodes = append(nodes, n)
		switch n := n.(type) {
		case *ast.FuncDecl:
			info := p.info(n, n.Type)
			info.name, info.method = n.Name.Name, n.Recv != nil
			stack = append(stack, n)
		case *ast.FuncLit:
			info := p.info(n, n.Type)
			if len(stack) > 0 {
				info.parent = stack[len(stack)-1]
			}
			stack = append(stack, n)
		case *ast.AssignStmt:
			for i, r := range n.Rhs {
				if lit, ok := r.(*ast.FuncLit); ok && i < len(n.Lhs) {
					if id, ok := n.Lhs[i].(*ast.Ident); ok {
						p.info(lit, lit.Type).name = id.Name
					}
				}
			}
		case *ast.ValueSpec:
			for i, v := range n.Values {
				if lit, ok := v.(*ast.FuncLit); ok && i < len(n.Names) {
					p.info(lit, lit.Type).name = n.Names[i].Name
				}
			}
		case *ast.DeclStmt:
			if g, ok := n.Decl.(*ast.GenDecl); ok && g.Tok == token.CONST && len(stack) > 0 {
				addConsts(p.funcs[stack[len(stack)-1]].consts, g)
			}
		case *ast.CallExpr:
			p.calls = append(p.calls, call{expr: n, path: append([]ast.Node(nil), stack...), prom: prom})
		}
		return true
	})
}

func (p *pkg) info(n ast.Node, t *ast.FuncType) *funcInfo {
	if fi := p.funcs[n]; fi != nil {
		return fi
	}
	fi := &funcInfo{consts: map[string]ast.Expr{}}
	if t.Params != nil {
		for _, field := range t.Params.List {
			if _, ok := field.Type.(*ast.Ellipsis); ok {
				fi.variadic = true
			}
			if len(field.Names) == 0 {
				fi.params = append(fi.params, "_")
			}
			for _, id := range field.Names {
				fi.params = append(fi.params, id.Name)
			}
		}
	}
	p.funcs[n] = fi
	return fi
}

func addConsts(into map[string]ast.Expr, g *ast.GenDecl) {
	for _, s := range g.Specs {
		vs, ok := s.(*ast.ValueSpec)
		if !ok {
			continue
		}
		for i, id := range vs.Names {
			if i < len(vs.Values) {
				into[id.Name] = vs.Values[i]
			}
		}
	}
}

func (p *pkg) pos(n ast.Node) string {
	pos := p.fset.Position(n.Pos())
	if rel, err := filepath.Rel(p.root, pos.Filename); err == nil {
		pos.Filename = filepath.ToSlash(rel)
	}
	return pos.String()
}

// binding is the call site that sets a function's parameters.
type binding struct {
	call *ast.CallExpr
	path []ast.Node
}

// env assigns call sites to the functions whose parameters a metric needs.
type env map[ast.Node]binding

// errUnbound reports that evaluation needs a parameter of fn.
type errUnbound struct {
	fn    ast.Node
	param string
}

func (e errUnbound) Error() string { return "unbound parameter " + e.param }

// maxEnvs bounds the call-site combinations tried for one metric.
const maxEnvs = 1000

// site returns the metrics a constructor call defines: one, or one per
// combination of call sites of the functions whose parameters it uses.
func (p *pkg) site(c call, typ string, hasLabels bool) ([]Metric, error) {
	queue := []env{{}}
	var out []Metric
	for tried := 0; len(queue) > 0; tried++ {
		if tried == maxEnvs {
			return nil, fmt.Errorf("%s: metric depends on too many call sites", p.pos(c.expr))
		}
		e := queue[0]
		queue = queue[1:]
		m, err := p.metric(c, typ, hasLabels, e)
		var ub errUnbound
		if errors.As(err, &ub) {
			sites := p.callSites(ub.fn)
			if len(sites) == 0 {
				fi := p.funcs[ub.fn]
				return nil, fmt.Errorf("%s: metric uses parameter %s of %s, which is called nowhere in the package", p.pos(c.expr), ub.param, fi.describe())
			}
			for _, s := range sites {
				next := env{ub.fn: binding{call: s.expr, path: s.path}}
				for k, v := range e {
					next[k] = v
				}
				queue = append(queue, next)
			}
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p.pos(c.expr), err)
		}
		out = append(out, m)
	}
	return out, nil
}

func (fi *funcInfo) describe() string {
	if fi.name == "" {
		return "an anonymous function"
	}
	return fi.name
}

// callSites returns the calls of fn in the package: of a literal, calls of
// the variable it is assigned to inside its enclosing function; of a
// declared function, calls by name (of a method, any call of that selector).
func (p *pkg) callSites(fn ast.Node) []call {
	fi := p.funcs[fn]
	if fi == nil || fi.name == "" {
		return nil
	}
	var out []call
	for _, c := range p.calls {
		switch f := c.expr.Fun.(type) {
		case *ast.Ident:
			if f.Name != fi.name || fi.method {
				continue
			}
			if _, lit := fn.(*ast.FuncLit); lit && !contains(c.path, fi.parent) {
				continue
			}
		case *ast.SelectorExpr:
			if !fi.method || f.Sel.Name != fi.name {
				continue
			}
		default:
			continue
		}
		out = append(out, c)
	}
	return out
}

func contains(path []ast.Node, n ast.Node) bool {
	for _, x := range path {
		if x == n {
			return true
		}
	}
	return false
}

func (p *pkg) metric(c call, typ string, hasLabels bool, e env) (Metric, error) {
	args := c.expr.Args
	if len(args) == 0 {
		return Metric{}, errors.New("metric constructor without options")
	}
	opts, ok := args[0].(*ast.CompositeLit)
	if !ok {
		return Metric{}, errors.New("metric options are not a composite literal")
	}
	fields := map[string]string{}
	for _, el := range opts.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			return Metric{}, errors.New("metric options without field names")
		}
		key, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		switch key.Name {
		case "Namespace", "Subsystem", "Name", "Help":
			v, err := p.eval(kv.Value, c.path, e)
			if err != nil {
				return Metric{}, fmt.Errorf("field %s: %w", key.Name, err)
			}
			if v.list != nil {
				return Metric{}, fmt.Errorf("field %s is not a string", key.Name)
			}
			fields[key.Name] = v.s
		}
	}
	if fields["Name"] == "" {
		return Metric{}, errors.New("metric without a name")
	}
	m := Metric{
		Name: fqName(fields["Namespace"], fields["Subsystem"], fields["Name"]),
		Type: typ, Help: fields["Help"], Package: p.path,
	}
	pos := p.fset.Position(c.expr.Pos())
	m.Line = pos.Line
	if rel, err := filepath.Rel(p.root, pos.Filename); err == nil {
		m.File = filepath.ToSlash(rel)
	}
	if hasLabels {
		if len(args) < 2 {
			return Metric{}, errors.New("metric vector without label names")
		}
		v, err := p.eval(args[1], c.path, e)
		if err != nil {
			return Metric{}, fmt.Errorf("labels: %w", err)
		}
		if v.list == nil && v.s != "" {
			return Metric{}, errors.New("labels are not a list")
		}
		m.Labels = v.list
	}
	return m, nil
}

// fqName joins the non-empty parts with "_", like prometheus.BuildFQName.
func fqName(parts ...string) string {
	var nonEmpty []string
	for _, s := range parts {
		if s != "" {
			nonEmpty = append(nonEmpty, s)
		}
	}
	return strings.Join(nonEmpty, "_")
}

// value is a string or, if list is not nil, a list of strings.
type value struct {
	s    string
	list []string
}

// eval evaluates x, found inside the functions path, under the call sites
// of e.
func (p *pkg) eval(x ast.Expr, path []ast.Node, e env) (value, error) {
	switch x := x.(type) {
	case *ast.BasicLit:
		if x.Kind != token.STRING {
			return value{}, fmt.Errorf("%s is not a string", p.pos(x))
		}
		s, err := strconv.Unquote(x.Value)
		if err != nil {
			return value{}, fmt.Errorf("%s: %w", p.pos(x), err)
		}
		return value{s: s}, nil
	case *ast.ParenExpr:
		return p.eval(x.X, path, e)
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			break
		}
		a, err := p.eval(x.X, path, e)
		if err != nil {
			return value{}, err
		}
		b, err := p.eval(x.Y, path, e)
		if err != nil {
			return value{}, err
		}
		if a.list != nil || b.list != nil {
			break
		}
		return value{s: a.s + b.s}, nil
	case *ast.CompositeLit:
		list := []string{}
		for _, el := range x.Elts {
			v, err := p.eval(el, path, e)
			if err != nil {
				return value{}, err
			}
			if v.list != nil {
				return value{}, fmt.Errorf("%s: nested list", p.pos(el))
			}
			list = append(list, v.s)
		}
		return value{list: list}, nil
	case *ast.Ident:
		if x.Name == "nil" {
			return value{list: []string{}}, nil
		}
		return p.ident(x, path, e)
	}
	return value{}, fmt.Errorf("%s: %s is not a constant string", p.pos(x), types(x))
}

func types(x ast.Expr) string {
	return strings.TrimPrefix(fmt.Sprintf("%T", x), "*ast.")
}

func (p *pkg) ident(x *ast.Ident, path []ast.Node, e env) (value, error) {
	for i := len(path) - 1; i >= 0; i-- {
		fn := path[i]
		fi := p.funcs[fn]
		if v, ok := fi.consts[x.Name]; ok {
			return p.eval(v, path[:i+1], e)
		}
		for j, name := range fi.params {
			if name != x.Name {
				continue
			}
			b, ok := e[fn]
			if !ok {
				return value{}, errUnbound{fn: fn, param: name}
			}
			return p.arg(b, j, fi.variadic && j == len(fi.params)-1, e)
		}
	}
	if v, ok := p.consts[x.Name]; ok {
		return p.eval(v, nil, e)
	}
	return value{}, fmt.Errorf("%s: %s is not a constant", p.pos(x), x.Name)
}

// arg evaluates parameter j at call site b.
func (p *pkg) arg(b binding, j int, variadic bool, e env) (value, error) {
	args := b.call.Args
	if !variadic || b.call.Ellipsis.IsValid() {
		if j >= len(args) {
			return value{}, fmt.Errorf("%s: too few arguments", p.pos(b.call))
		}
		return p.eval(args[j], b.path, e)
	}
	list := []string{}
	for _, a := range args[min(j, len(args)):] {
		v, err := p.eval(a, b.path, e)
		if err != nil {
			return value{}, err
		}
		if v.list != nil {
			return value{}, fmt.Errorf("%s: list in a variadic argument", p.pos(a))
		}
		list = append(list, v.s)
	}
	return value{list: list}, nil
}

func render(ms []Metric) []byte {
	var b bytes.Buffer
	b.WriteString("# Metrics\n\n")
	b.WriteString("<!-- Code generated by internal/metricsdoc. DO NOT EDIT: run `go test ./internal/metricsdoc -update`. -->\n\n")
	b.WriteString("Every Prometheus metric the module defines, found in the source by\n")
	b.WriteString("[`internal/metricsdoc`](../internal/metricsdoc), one table per defining package.\n")
	b.WriteString("Keepers and aggregators serve them on `--metrics-addr` at `/metrics`, with the\n")
	b.WriteString("standard `go_*` and `process_*` metrics; the coordinator on `/metrics` and\n")
	b.WriteString("`/api/v1/metrics`. Failure reason codes (label `reason`) are listed in\n")
	b.WriteString("[reasons.md](reasons.md); dashboards are in [`configs/grafana`](../configs/grafana).\n")
	last := ""
	for _, m := range ms {
		if m.Package != last {
			last = m.Package
			fmt.Fprintf(&b, "\n## `%s`\n\n", m.Package)
			b.WriteString("| Name | Type | Labels | Help | Defined in |\n")
			b.WriteString("|---|---|---|---|---|\n")
		}
		labels := make([]string, len(m.Labels))
		for i, l := range m.Labels {
			labels[i] = "`" + l + "`"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | [%s](../%s) |\n",
			m.Name, m.Type, strings.Join(labels, ", "), cell(m.Help), m.File, m.File)
	}
	return b.Bytes()
}

// cell escapes s for a markdown table cell.
func cell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", " ")
}
