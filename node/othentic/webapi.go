package othentic

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/ethereum/go-ethereum/common"
	"go.uber.org/zap"
)

// ValidateRequest is a task an Othentic attester asks the keeper to vote on.
type ValidateRequest struct {
	ProofOfTask      string
	Data             []byte
	TaskDefinitionID uint16
	Performer        common.Address
	TargetChainID    uint64 // 0 when the node did not send targetChainId
}

// Validator decides a vote. approve is the vote; reason is returned as the
// message (for a rejection, why). A non-nil err means the keeper cannot
// judge the task: the answer is {"data": false, "error": true, "message":
// err.Error()} and the attester does not vote.
type Validator func(ctx context.Context, req ValidateRequest) (approve bool, reason string, err error)

// MessageHandler receives the bytes of a custom message (sendCustomMessage)
// delivered on POST /p2p/message. If the request also carried a
// taskDefinitionId, [TaskDefinitionIDFromContext] returns it from ctx.
type MessageHandler func(ctx context.Context, data []byte) error

type taskDefinitionIDKey struct{}

// TaskDefinitionIDFromContext returns the taskDefinitionId that came with a
// /p2p/message request, if there was one.
func TaskDefinitionIDFromContext(ctx context.Context) (uint16, bool) {
	id, ok := ctx.Value(taskDefinitionIDKey{}).(uint16)
	return id, ok
}

// webResponse is the body of every AVS web API answer.
type webResponse struct {
	Data    bool   `json:"data"`
	Error   bool   `json:"error"`
	Message string `json:"message"`
}

// validateBody is the /task/validate request. Pointers tell a missing field
// (or null) from a zero value. Unknown fields are ignored.
type validateBody struct {
	ProofOfTask      *string `json:"proofOfTask"`
	Data             *string `json:"data"`
	TaskDefinitionID *uint16 `json:"taskDefinitionId"`
	TaskDefIDUpper   *uint16 `json:"taskDefinitionID"` // spelling on one Othentic docs page
	Performer        *string `json:"performer"`
	TargetChainID    *uint64 `json:"targetChainId"`
}

// messageBody is the /p2p/message request.
type messageBody struct {
	Data             *string `json:"data"`
	TaskDefinitionID *uint16 `json:"taskDefinitionId"`
}

type webAPI struct {
	validate Validator
	message  MessageHandler
	log      *zap.Logger
	cfg      config
}

// NewAVSWebAPI returns the keeper's AVS web API, the HTTP interface an
// Othentic node calls:
//
//   - POST /task/validate {"proofOfTask", "data": hex, "taskDefinitionId"
//     (or "taskDefinitionID"), "performer"[, "targetChainId"]} asks v for a
//     vote. HTTP 200 {"data": approve, "error": false, "message": reason},
//     or HTTP 200 {"data": false, "error": true, "message"} when v cannot judge.
//   - POST /p2p/message {"data": hex[, "taskDefinitionId"]} hands the bytes
//     to m. HTTP 200 {"data": true, "error": false, "message": ""}; when m
//     refuses, HTTP 200 {"data": false, "error": true, "message": err}.
//
// Requests that cannot be decoded (malformed JSON, wrong types, bad hex or
// address, missing fields) get HTTP 400, too large bodies 413, other
// methods 405 and other paths 404, all with the same JSON shape and
// "error": true. Unknown fields are ignored. A nil v or m makes its endpoint
// answer 200 with "error": true. A nil log discards logs.
func NewAVSWebAPI(v Validator, m MessageHandler, log *zap.Logger, opts ...Option) http.Handler {
	if log == nil {
		log = zap.NewNop()
	}
	a := &webAPI{validate: v, message: m, log: log.Named("othentic_webapi"), cfg: newConfig(opts)}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /task/validate", a.handleValidate)
	mux.HandleFunc("/task/validate", methodNotAllowed)
	mux.HandleFunc("POST /p2p/message", a.handleMessage)
	mux.HandleFunc("/p2p/message", methodNotAllowed)
	mux.HandleFunc("/", notFound)
	return mux
}

func methodNotAllowed(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Allow", http.MethodPost)
	writeJSON(w, http.StatusMethodNotAllowed, webResponse{Error: true, Message: "method not allowed: use POST"})
}

func notFound(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusNotFound, webResponse{Error: true, Message: "not found"})
}

func badRequest(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, webResponse{Error: true, Message: msg})
}

func (a *webAPI) handleValidate(w http.ResponseWriter, r *http.Request) {
	body, status, err := readBody(w, r, a.cfg.maxBodyBytes)
	if err != nil {
		badRequest(w, status, err.Error())
		return
	}
	req, err := parseValidateRequest(body)
	if err != nil {
		a.log.Debug("reject malformed validate request", zap.Error(err))
		badRequest(w, http.StatusBadRequest, err.Error())
		return
	}
	log := a.log.With(
		zap.String("proof_of_task", truncate(req.ProofOfTask)),
		zap.Uint16("task_definition_id", req.TaskDefinitionID),
		zap.Stringer("performer", req.Performer),
		zap.Uint64("target_chain_id", req.TargetChainID),
	)
	if a.validate == nil {
		writeJSON(w, http.StatusOK, webResponse{Error: true, Message: "this node does not validate tasks"})
		return
	}
	ctx, cancel := boundedContext(r, a.cfg)
	defer cancel()
	var (
		approve bool
		reason  string
	)
	err = safeCall(log, "validator", func() (err error) {
		approve, reason, err = a.validate(ctx, req)
		return err
	})
	if err != nil {
		log.Debug("cannot judge task", zap.Error(err))
		writeJSON(w, http.StatusOK, webResponse{Error: true, Message: err.Error()})
		return
	}
	log.Debug("voted on task", zap.Bool("approve", approve), zap.String("reason", reason))
	writeJSON(w, http.StatusOK, webResponse{Data: approve, Message: reason})
}

func parseValidateRequest(body []byte) (ValidateRequest, error) {
	var b validateBody
	if err := json.Unmarshal(body, &b); err != nil {
		return ValidateRequest{}, errors.New(jsonError(err))
	}
	var req ValidateRequest
	switch {
	case b.ProofOfTask == nil:
		return req, errors.New("missing proofOfTask")
	case b.Data == nil:
		return req, errors.New("missing data")
	case b.Performer == nil:
		return req, errors.New("missing performer")
	case b.TaskDefinitionID == nil && b.TaskDefIDUpper == nil:
		return req, errors.New("missing taskDefinitionId")
	case b.TaskDefinitionID != nil && b.TaskDefIDUpper != nil && *b.TaskDefinitionID != *b.TaskDefIDUpper:
		return req, errors.New("taskDefinitionId and taskDefinitionID disagree")
	}
	data, err := decodeHex(*b.Data)
	if err != nil {
		return req, errors.New("invalid data: " + err.Error())
	}
	performer, err := parseAddress(*b.Performer)
	if err != nil {
		return req, errors.New("invalid performer: " + err.Error())
	}
	req = ValidateRequest{ProofOfTask: *b.ProofOfTask, Data: data, Performer: performer}
	if b.TaskDefinitionID != nil {
		req.TaskDefinitionID = *b.TaskDefinitionID
	} else {
		req.TaskDefinitionID = *b.TaskDefIDUpper
	}
	if b.TargetChainID != nil {
		req.TargetChainID = *b.TargetChainID
	}
	return req, nil
}

func (a *webAPI) handleMessage(w http.ResponseWriter, r *http.Request) {
	body, status, err := readBody(w, r, a.cfg.maxBodyBytes)
	if err != nil {
		badRequest(w, status, err.Error())
		return
	}
	var b messageBody
	if err := json.Unmarshal(body, &b); err != nil {
		badRequest(w, http.StatusBadRequest, jsonError(err))
		return
	}
	if b.Data == nil {
		badRequest(w, http.StatusBadRequest, "missing data")
		return
	}
	data, err := decodeHex(*b.Data)
	if err != nil {
		badRequest(w, http.StatusBadRequest, "invalid data: "+err.Error())
		return
	}
	if len(data) == 0 {
		badRequest(w, http.StatusBadRequest, "data is empty")
		return
	}
	if a.message == nil {
		writeJSON(w, http.StatusOK, webResponse{Error: true, Message: "this node does not accept custom messages"})
		return
	}
	ctx, cancel := boundedContext(r, a.cfg)
	defer cancel()
	log := a.log.With(zap.Int("data_len", len(data)))
	if b.TaskDefinitionID != nil {
		ctx = context.WithValue(ctx, taskDefinitionIDKey{}, *b.TaskDefinitionID)
		log = log.With(zap.Uint16("task_definition_id", *b.TaskDefinitionID))
	}
	if err := safeCall(log, "message_handler", func() error { return a.message(ctx, data) }); err != nil {
		log.Debug("custom message refused", zap.Error(err))
		writeJSON(w, http.StatusOK, webResponse{Error: true, Message: err.Error()})
		return
	}
	log.Debug("custom message handled")
	writeJSON(w, http.StatusOK, webResponse{Data: true})
}
