package coordinator

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
)

// The dashboard is a static page (dashboard/index.html) and its scripts,
// styles and icon (dashboard/assets/), embedded in the binary. It reads
// everything it shows from the keyed API, with an API key the user gives
// it in the URL fragment (#key=..., never sent to the server) or a form,
// and follows GET /api/v1/events for live task updates. It needs no
// server-side state: serving it needs no key.
//
//go:embed dashboard
var dashboardFiles embed.FS

// dashboardCSP allows the page's own scripts, styles, images and API
// calls, nothing inline and nothing from elsewhere.
const dashboardCSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; " +
	"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// dashboardAssetMaxAge is how long a browser may keep an asset requested
// with its current version (?v=, the page links to it so).
const dashboardAssetMaxAge = 365 * 24 * time.Hour

// dashboardTypes are the content types of the assets, by extension; not
// mime.TypeByExtension, which reads the host's mime.types.
var dashboardTypes = map[string]string{
	".css": "text/css; charset=utf-8",
	".js":  "text/javascript; charset=utf-8",
	".svg": "image/svg+xml",
}

// dashboardFile is one embedded file, ready to serve.
type dashboardFile struct {
	body        []byte
	contentType string
	// version is a prefix of the body's SHA-256: the ETag, and the ?v= of
	// the page's links to assets.
	version string
}

// dashboard holds the embedded files, read once.
type dashboard struct {
	page   dashboardFile
	assets map[string]dashboardFile // by name under dashboard/assets
}

// serveDashboard registers GET /dashboard (the page, without a key) and
// GET /dashboard/assets/*name (its files).
func serveDashboard(r gin.IRoutes) {
	d, err := loadDashboard(dashboardFiles)
	if err != nil {
		// The files are embedded at build time: a failure here is a
		// broken build, which the dashboard tests catch.
		r.GET("/dashboard", func(c *gin.Context) {
			_ = c.Error(err)
			problem(c, http.StatusInternalServerError, "", "dashboard unavailable")
		})
		return
	}
	r.GET("/dashboard", d.servePage)
	r.HEAD("/dashboard", d.servePage)
	r.GET("/dashboard/assets/*name", d.serveAsset)
	r.HEAD("/dashboard/assets/*name", d.serveAsset)
}

// loadDashboard reads the page and its assets from files and links the
// page to the current version of each asset.
func loadDashboard(files fs.FS) (*dashboard, error) {
	d := &dashboard{assets: map[string]dashboardFile{}}
	err := fs.WalkDir(files, "dashboard/assets", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		body, err := fs.ReadFile(files, p)
		if err != nil {
			return err
		}
		ctype, ok := dashboardTypes[path.Ext(p)]
		if !ok {
			return fmt.Errorf("no content type for %s", p)
		}
		d.assets[strings.TrimPrefix(p, "dashboard/assets/")] = newDashboardFile(body, ctype)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read dashboard assets: %w", err)
	}
	page, err := fs.ReadFile(files, "dashboard/index.html")
	if err != nil {
		return nil, fmt.Errorf("read dashboard page: %w", err)
	}
	for name, f := range d.assets {
		link := []byte(`"dashboard/assets/` + name + `"`)
		page = bytes.ReplaceAll(page, link, []byte(`"dashboard/assets/`+name+`?v=`+f.version+`"`))
	}
	d.page = newDashboardFile(page, "text/html; charset=utf-8")
	return d, nil
}

func newDashboardFile(body []byte, contentType string) dashboardFile {
	sum := sha256.Sum256(body)
	return dashboardFile{body: body, contentType: contentType, version: hex.EncodeToString(sum[:8])}
}

// servePage answers the page. It is revalidated on every load (ETag), so
// that a new build's asset versions are seen at once.
func (d *dashboard) servePage(c *gin.Context) {
	c.Header("Cache-Control", "no-cache")
	d.serve(c, d.page)
}

// serveAsset answers an asset: cached for a year when asked for by its
// current version (immutable), revalidated otherwise.
func (d *dashboard) serveAsset(c *gin.Context) {
	f, ok := d.assets[strings.TrimPrefix(c.Param("name"), "/")]
	if !ok {
		problem(c, http.StatusNotFound, "", "no such dashboard asset")
		return
	}
	if c.Query("v") == f.version {
		c.Header("Cache-Control", fmt.Sprintf("public, max-age=%d, immutable", int(dashboardAssetMaxAge.Seconds())))
	} else {
		c.Header("Cache-Control", "no-cache")
	}
	d.serve(c, f)
}

func (d *dashboard) serve(c *gin.Context, f dashboardFile) {
	h := c.Writer.Header()
	h.Set("Content-Type", f.contentType)
	h.Set("Content-Security-Policy", dashboardCSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("ETag", `"`+f.version+`"`)
	// ServeContent answers 304 to a matching If-None-Match, and HEAD.
	http.ServeContent(c.Writer, c.Request, "", time.Time{}, bytes.NewReader(f.body))
}
