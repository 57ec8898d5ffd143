package coordinator

import (
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"
)

// Problem is the body of every error answer of the REST API: an RFC 9457
// problem detail, served as application/problem+json.
//
// Type is one of the URNs of the catalogue below; Title is the status text;
// Detail says what went wrong in words meant for the caller. A validation
// error names the offending request field in Field (and in Errors, the
// list form of RFC 9457 extensions); Index is the element of an array
// request. Error repeats Detail for clients of the earlier {"error"} body.
type Problem struct {
	Type   string         `json:"type"`
	Title  string         `json:"title"`
	Status int            `json:"status"`
	Detail string         `json:"detail"`
	Field  string         `json:"field,omitempty"`
	Index  *int           `json:"index,omitempty"`
	Errors []FieldProblem `json:"errors,omitempty"`
	Error  string         `json:"error"`
}

// FieldProblem is one invalid request field of a Problem.
type FieldProblem struct {
	Field  string `json:"field"`
	Detail string `json:"detail"`
}

// ProblemContentType is the media type of error answers.
const ProblemContentType = "application/problem+json"

// Problem types. A problem's type follows from its status, except that a
// 400 naming a field is an invalid-field problem.
const (
	ProblemInvalidField     = "urn:triggerx:problem:invalid-field"      // 400, Field names the field
	ProblemBadRequest       = "urn:triggerx:problem:bad-request"        // 400, the request as a whole
	ProblemUnauthenticated  = "urn:triggerx:problem:unauthenticated"    // 401, no API key
	ProblemForbidden        = "urn:triggerx:problem:forbidden"          // 403, unknown or revoked key, or outside its scope
	ProblemNotFound         = "urn:triggerx:problem:not-found"          // 404, also another tenant's job or task
	ProblemMethodNotAllowed = "urn:triggerx:problem:method-not-allowed" // 405
	ProblemConflict         = "urn:triggerx:problem:conflict"           // 409, the chain or the store disagrees
	ProblemTooLarge         = "urn:triggerx:problem:body-too-large"     // 413
	ProblemRateLimited      = "urn:triggerx:problem:rate-limited"       // 429, see Retry-After
	ProblemInternal         = "urn:triggerx:problem:internal"           // 500, details are logged, not shown
	ProblemNotImplemented   = "urn:triggerx:problem:not-implemented"    // 501
	ProblemUpstream         = "urn:triggerx:problem:upstream"           // 502, a chain or gateway failed
	ProblemUnavailable      = "urn:triggerx:problem:unavailable"        // 503, not configured or timed out
)

func problemType(status int, field string) string {
	switch status {
	case http.StatusBadRequest:
		if field != "" {
			return ProblemInvalidField
		}
		return ProblemBadRequest
	case http.StatusUnauthorized:
		return ProblemUnauthenticated
	case http.StatusForbidden:
		return ProblemForbidden
	case http.StatusNotFound:
		return ProblemNotFound
	case http.StatusMethodNotAllowed:
		return ProblemMethodNotAllowed
	case http.StatusConflict:
		return ProblemConflict
	case http.StatusRequestEntityTooLarge:
		return ProblemTooLarge
	case http.StatusTooManyRequests:
		return ProblemRateLimited
	case http.StatusNotImplemented:
		return ProblemNotImplemented
	case http.StatusBadGateway:
		return ProblemUpstream
	case http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return ProblemUnavailable
	}
	if status >= 500 {
		return ProblemInternal
	}
	return "about:blank"
}

// newProblem builds a problem of status about field ("" for none).
func newProblem(status int, field, format string, args ...any) Problem {
	return Problem{Status: status, Field: field, Detail: fmt.Sprintf(format, args...)}
}

// writeProblem answers p and aborts the request; unset fields are filled in.
func writeProblem(c *gin.Context, p Problem) {
	if p.Title == "" {
		p.Title = http.StatusText(p.Status)
	}
	if p.Type == "" {
		p.Type = problemType(p.Status, p.Field)
	}
	if p.Field != "" && p.Errors == nil {
		p.Errors = []FieldProblem{{Field: p.Field, Detail: p.Detail}}
	}
	p.Error = p.Detail
	c.Header("Content-Type", ProblemContentType)
	c.AbortWithStatusJSON(p.Status, p)
}

// problem answers a problem of status about field ("" for none).
func problem(c *gin.Context, status int, field, format string, args ...any) {
	writeProblem(c, newProblem(status, field, format, args...))
}
