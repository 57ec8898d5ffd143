package coordinator

import (
	_ "embed"
	"net/http"

	"github.com/gin-gonic/gin"
)

// OpenAPI is the API's OpenAPI 3 document (openapi.json), served at
// GET /api/v1/openapi.json. A test fails when it and the routes disagree.
//
//go:embed openapi.json
var OpenAPI []byte

func serveOpenAPI(c *gin.Context) { c.Data(http.StatusOK, "application/json", OpenAPI) }
