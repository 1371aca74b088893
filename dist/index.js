import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 770:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(218);


/***/ }),

/***/ 218:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var net = __nccwpck_require__(9278);
var tls = __nccwpck_require__(4756);
var http = __nccwpck_require__(8611);
var https = __nccwpck_require__(5692);
var events = __nccwpck_require__(4434);
var assert = __nccwpck_require__(2613);
var util = __nccwpck_require__(9023);


exports.httpOverHttp = httpOverHttp;
exports.httpsOverHttp = httpsOverHttp;
exports.httpOverHttps = httpOverHttps;
exports.httpsOverHttps = httpsOverHttps;


function httpOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  return agent;
}

function httpsOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}

function httpOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  return agent;
}

function httpsOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}


function TunnelingAgent(options) {
  var self = this;
  self.options = options || {};
  self.proxyOptions = self.options.proxy || {};
  self.maxSockets = self.options.maxSockets || http.Agent.defaultMaxSockets;
  self.requests = [];
  self.sockets = [];

  self.on('free', function onFree(socket, host, port, localAddress) {
    var options = toOptions(host, port, localAddress);
    for (var i = 0, len = self.requests.length; i < len; ++i) {
      var pending = self.requests[i];
      if (pending.host === options.host && pending.port === options.port) {
        // Detect the request to connect same origin server,
        // reuse the connection.
        self.requests.splice(i, 1);
        pending.request.onSocket(socket);
        return;
      }
    }
    socket.destroy();
    self.removeSocket(socket);
  });
}
util.inherits(TunnelingAgent, events.EventEmitter);

TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
  var self = this;
  var options = mergeOptions({request: req}, self.options, toOptions(host, port, localAddress));

  if (self.sockets.length >= this.maxSockets) {
    // We are over limit so we'll add it to the queue.
    self.requests.push(options);
    return;
  }

  // If we are under maxSockets create a new one.
  self.createSocket(options, function(socket) {
    socket.on('free', onFree);
    socket.on('close', onCloseOrRemove);
    socket.on('agentRemove', onCloseOrRemove);
    req.onSocket(socket);

    function onFree() {
      self.emit('free', socket, options);
    }

    function onCloseOrRemove(err) {
      self.removeSocket(socket);
      socket.removeListener('free', onFree);
      socket.removeListener('close', onCloseOrRemove);
      socket.removeListener('agentRemove', onCloseOrRemove);
    }
  });
};

TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
  var self = this;
  var placeholder = {};
  self.sockets.push(placeholder);

  var connectOptions = mergeOptions({}, self.proxyOptions, {
    method: 'CONNECT',
    path: options.host + ':' + options.port,
    agent: false,
    headers: {
      host: options.host + ':' + options.port
    }
  });
  if (options.localAddress) {
    connectOptions.localAddress = options.localAddress;
  }
  if (connectOptions.proxyAuth) {
    connectOptions.headers = connectOptions.headers || {};
    connectOptions.headers['Proxy-Authorization'] = 'Basic ' +
        new Buffer(connectOptions.proxyAuth).toString('base64');
  }

  debug('making CONNECT request');
  var connectReq = self.request(connectOptions);
  connectReq.useChunkedEncodingByDefault = false; // for v0.6
  connectReq.once('response', onResponse); // for v0.6
  connectReq.once('upgrade', onUpgrade);   // for v0.6
  connectReq.once('connect', onConnect);   // for v0.7 or later
  connectReq.once('error', onError);
  connectReq.end();

  function onResponse(res) {
    // Very hacky. This is necessary to avoid http-parser leaks.
    res.upgrade = true;
  }

  function onUpgrade(res, socket, head) {
    // Hacky.
    process.nextTick(function() {
      onConnect(res, socket, head);
    });
  }

  function onConnect(res, socket, head) {
    connectReq.removeAllListeners();
    socket.removeAllListeners();

    if (res.statusCode !== 200) {
      debug('tunneling socket could not be established, statusCode=%d',
        res.statusCode);
      socket.destroy();
      var error = new Error('tunneling socket could not be established, ' +
        'statusCode=' + res.statusCode);
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    if (head.length > 0) {
      debug('got illegal response body from proxy');
      socket.destroy();
      var error = new Error('got illegal response body from proxy');
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    debug('tunneling connection has established');
    self.sockets[self.sockets.indexOf(placeholder)] = socket;
    return cb(socket);
  }

  function onError(cause) {
    connectReq.removeAllListeners();

    debug('tunneling socket could not be established, cause=%s\n',
          cause.message, cause.stack);
    var error = new Error('tunneling socket could not be established, ' +
                          'cause=' + cause.message);
    error.code = 'ECONNRESET';
    options.request.emit('error', error);
    self.removeSocket(placeholder);
  }
};

TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
  var pos = this.sockets.indexOf(socket)
  if (pos === -1) {
    return;
  }
  this.sockets.splice(pos, 1);

  var pending = this.requests.shift();
  if (pending) {
    // If we have pending requests and a socket gets closed a new one
    // needs to be created to take over in the pool for the one that closed.
    this.createSocket(pending, function(socket) {
      pending.request.onSocket(socket);
    });
  }
};

function createSecureSocket(options, cb) {
  var self = this;
  TunnelingAgent.prototype.createSocket.call(self, options, function(socket) {
    var hostHeader = options.request.getHeader('host');
    var tlsOptions = mergeOptions({}, self.options, {
      socket: socket,
      servername: hostHeader ? hostHeader.replace(/:.*$/, '') : options.host
    });

    // 0 is dummy port for v0.6
    var secureSocket = tls.connect(0, tlsOptions);
    self.sockets[self.sockets.indexOf(socket)] = secureSocket;
    cb(secureSocket);
  });
}


function toOptions(host, port, localAddress) {
  if (typeof host === 'string') { // since v0.10
    return {
      host: host,
      port: port,
      localAddress: localAddress
    };
  }
  return host; // for v0.11 or later
}

function mergeOptions(target) {
  for (var i = 1, len = arguments.length; i < len; ++i) {
    var overrides = arguments[i];
    if (typeof overrides === 'object') {
      var keys = Object.keys(overrides);
      for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
        var k = keys[j];
        if (overrides[k] !== undefined) {
          target[k] = overrides[k];
        }
      }
    }
  }
  return target;
}


var debug;
if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
  debug = function() {
    var args = Array.prototype.slice.call(arguments);
    if (typeof args[0] === 'string') {
      args[0] = 'TUNNEL: ' + args[0];
    } else {
      args.unshift('TUNNEL:');
    }
    console.error.apply(console, args);
  }
} else {
  debug = function() {};
}
exports.debug = debug; // for test


/***/ }),

/***/ 437:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.r(__webpack_exports__);
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   ProxyAgent: () => (/* binding */ ProxyAgent),
/* harmony export */   fetch: () => (/* binding */ fetch),
/* harmony export */   loadUndici: () => (/* binding */ loadUndici)
/* harmony export */ });
let real;
/** Loads the real undici; awaited before anything may use the exports below. */
async function loadUndici() {
    real ??= await __nccwpck_require__.e(/* import() */ 752).then(__nccwpck_require__.t.bind(__nccwpck_require__, 4371, 19));
}
function undici() {
    if (!real)
        throw new Error('undici was used before loadUndici() was awaited');
    return real;
}
/** undici's ProxyAgent, constructed from the real module. */
const ProxyAgent = function ProxyAgent(options) {
    return new (undici().ProxyAgent)(options);
};
const fetch = (...args) => undici().fetch(...args);


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
exports.Vj = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
__webpack_unused_export__ = identity.isNode;
__webpack_unused_export__ = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
exports.X5 = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
exports.Rw = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
exports.HN = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
__webpack_unused_export__ = publicApi.parse;
exports.hR = publicApi.parseAllDocuments;
__webpack_unused_export__ = publicApi.parseDocument;
exports.As = publicApi.stringify;
exports.YR = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function utils_toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_.appendFileSync(filePath, `${utils_toCommandValue(message)}${external_os_.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = utils_toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_.EOL}${convertedValue}${external_os_.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
// EXTERNAL MODULE: external "http"
var external_http_ = __nccwpck_require__(8611);
var external_http_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_http_, 2);
// EXTERNAL MODULE: external "https"
var external_https_ = __nccwpck_require__(5692);
var external_https_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_https_, 2);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
// EXTERNAL MODULE: ./node_modules/tunnel/index.js
var tunnel = __nccwpck_require__(770);
// EXTERNAL MODULE: ./src/core/undici-on-demand.ts
var undici_on_demand = __nccwpck_require__(437);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/index.js
/* eslint-disable @typescript-eslint/no-explicit-any */
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





var HttpCodes;
(function (HttpCodes) {
    HttpCodes[HttpCodes["OK"] = 200] = "OK";
    HttpCodes[HttpCodes["MultipleChoices"] = 300] = "MultipleChoices";
    HttpCodes[HttpCodes["MovedPermanently"] = 301] = "MovedPermanently";
    HttpCodes[HttpCodes["ResourceMoved"] = 302] = "ResourceMoved";
    HttpCodes[HttpCodes["SeeOther"] = 303] = "SeeOther";
    HttpCodes[HttpCodes["NotModified"] = 304] = "NotModified";
    HttpCodes[HttpCodes["UseProxy"] = 305] = "UseProxy";
    HttpCodes[HttpCodes["SwitchProxy"] = 306] = "SwitchProxy";
    HttpCodes[HttpCodes["TemporaryRedirect"] = 307] = "TemporaryRedirect";
    HttpCodes[HttpCodes["PermanentRedirect"] = 308] = "PermanentRedirect";
    HttpCodes[HttpCodes["BadRequest"] = 400] = "BadRequest";
    HttpCodes[HttpCodes["Unauthorized"] = 401] = "Unauthorized";
    HttpCodes[HttpCodes["PaymentRequired"] = 402] = "PaymentRequired";
    HttpCodes[HttpCodes["Forbidden"] = 403] = "Forbidden";
    HttpCodes[HttpCodes["NotFound"] = 404] = "NotFound";
    HttpCodes[HttpCodes["MethodNotAllowed"] = 405] = "MethodNotAllowed";
    HttpCodes[HttpCodes["NotAcceptable"] = 406] = "NotAcceptable";
    HttpCodes[HttpCodes["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
    HttpCodes[HttpCodes["RequestTimeout"] = 408] = "RequestTimeout";
    HttpCodes[HttpCodes["Conflict"] = 409] = "Conflict";
    HttpCodes[HttpCodes["Gone"] = 410] = "Gone";
    HttpCodes[HttpCodes["TooManyRequests"] = 429] = "TooManyRequests";
    HttpCodes[HttpCodes["InternalServerError"] = 500] = "InternalServerError";
    HttpCodes[HttpCodes["NotImplemented"] = 501] = "NotImplemented";
    HttpCodes[HttpCodes["BadGateway"] = 502] = "BadGateway";
    HttpCodes[HttpCodes["ServiceUnavailable"] = 503] = "ServiceUnavailable";
    HttpCodes[HttpCodes["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function (Headers) {
    Headers["Accept"] = "accept";
    Headers["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function (MediaTypes) {
    MediaTypes["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
/**
 * Returns the proxy URL, depending upon the supplied url and proxy environment variables.
 * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
 */
function lib_getProxyUrl(serverUrl) {
    const proxyUrl = pm.getProxyUrl(new URL(serverUrl));
    return proxyUrl ? proxyUrl.href : '';
}
const HttpRedirectCodes = [
    HttpCodes.MovedPermanently,
    HttpCodes.ResourceMoved,
    HttpCodes.SeeOther,
    HttpCodes.TemporaryRedirect,
    HttpCodes.PermanentRedirect
];
const HttpResponseRetryCodes = [
    HttpCodes.BadGateway,
    HttpCodes.ServiceUnavailable,
    HttpCodes.GatewayTimeout
];
const RetryableHttpVerbs = ['OPTIONS', 'GET', 'DELETE', 'HEAD'];
const ExponentialBackoffCeiling = 10;
const ExponentialBackoffTimeSlice = 5;
class HttpClientError extends Error {
    constructor(message, statusCode) {
        super(message);
        this.name = 'HttpClientError';
        this.statusCode = statusCode;
        Object.setPrototypeOf(this, HttpClientError.prototype);
    }
}
class HttpClientResponse {
    constructor(message) {
        this.message = message;
    }
    readBody() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                let output = Buffer.alloc(0);
                this.message.on('data', (chunk) => {
                    output = Buffer.concat([output, chunk]);
                });
                this.message.on('end', () => {
                    resolve(output.toString());
                });
            }));
        });
    }
    readBodyBuffer() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                const chunks = [];
                this.message.on('data', (chunk) => {
                    chunks.push(chunk);
                });
                this.message.on('end', () => {
                    resolve(Buffer.concat(chunks));
                });
            }));
        });
    }
}
function isHttps(requestUrl) {
    const parsedUrl = new URL(requestUrl);
    return parsedUrl.protocol === 'https:';
}
class lib_HttpClient {
    constructor(userAgent, handlers, requestOptions) {
        this._ignoreSslError = false;
        this._allowRedirects = true;
        this._allowRedirectDowngrade = false;
        this._maxRedirects = 50;
        this._allowRetries = false;
        this._maxRetries = 1;
        this._keepAlive = false;
        this._disposed = false;
        this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
        this.handlers = handlers || [];
        this.requestOptions = requestOptions;
        if (requestOptions) {
            if (requestOptions.ignoreSslError != null) {
                this._ignoreSslError = requestOptions.ignoreSslError;
            }
            this._socketTimeout = requestOptions.socketTimeout;
            if (requestOptions.allowRedirects != null) {
                this._allowRedirects = requestOptions.allowRedirects;
            }
            if (requestOptions.allowRedirectDowngrade != null) {
                this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
            }
            if (requestOptions.maxRedirects != null) {
                this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
            }
            if (requestOptions.keepAlive != null) {
                this._keepAlive = requestOptions.keepAlive;
            }
            if (requestOptions.allowRetries != null) {
                this._allowRetries = requestOptions.allowRetries;
            }
            if (requestOptions.maxRetries != null) {
                this._maxRetries = requestOptions.maxRetries;
            }
        }
    }
    options(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('OPTIONS', requestUrl, null, additionalHeaders || {});
        });
    }
    get(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('GET', requestUrl, null, additionalHeaders || {});
        });
    }
    del(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('DELETE', requestUrl, null, additionalHeaders || {});
        });
    }
    post(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('POST', requestUrl, data, additionalHeaders || {});
        });
    }
    patch(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PATCH', requestUrl, data, additionalHeaders || {});
        });
    }
    put(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PUT', requestUrl, data, additionalHeaders || {});
        });
    }
    head(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('HEAD', requestUrl, null, additionalHeaders || {});
        });
    }
    sendStream(verb, requestUrl, stream, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request(verb, requestUrl, stream, additionalHeaders);
        });
    }
    /**
     * Gets a typed object from an endpoint
     * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
     */
    getJson(requestUrl_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            const res = yield this.get(requestUrl, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    postJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.post(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    putJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.put(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    patchJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.patch(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    /**
     * Makes a raw http request.
     * All other methods such as get, post, patch, and request ultimately call this.
     * Prefer get, del, post and patch
     */
    request(verb, requestUrl, data, headers) {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._disposed) {
                throw new Error('Client has already been disposed.');
            }
            const parsedUrl = new URL(requestUrl);
            let info = this._prepareRequest(verb, parsedUrl, headers);
            // Only perform retries on reads since writes may not be idempotent.
            const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb)
                ? this._maxRetries + 1
                : 1;
            let numTries = 0;
            let response;
            do {
                response = yield this.requestRaw(info, data);
                // Check if it's an authentication challenge
                if (response &&
                    response.message &&
                    response.message.statusCode === HttpCodes.Unauthorized) {
                    let authenticationHandler;
                    for (const handler of this.handlers) {
                        if (handler.canHandleAuthentication(response)) {
                            authenticationHandler = handler;
                            break;
                        }
                    }
                    if (authenticationHandler) {
                        return authenticationHandler.handleAuthentication(this, info, data);
                    }
                    else {
                        // We have received an unauthorized response but have no handlers to handle it.
                        // Let the response return to the caller.
                        return response;
                    }
                }
                let redirectsRemaining = this._maxRedirects;
                while (response.message.statusCode &&
                    HttpRedirectCodes.includes(response.message.statusCode) &&
                    this._allowRedirects &&
                    redirectsRemaining > 0) {
                    const redirectUrl = response.message.headers['location'];
                    if (!redirectUrl) {
                        // if there's no location to redirect to, we won't
                        break;
                    }
                    const parsedRedirectUrl = new URL(redirectUrl);
                    if (parsedUrl.protocol === 'https:' &&
                        parsedUrl.protocol !== parsedRedirectUrl.protocol &&
                        !this._allowRedirectDowngrade) {
                        throw new Error('Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.');
                    }
                    // we need to finish reading the response before reassigning response
                    // which will leak the open socket.
                    yield response.readBody();
                    // strip authorization header if redirected to a different hostname
                    if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
                        for (const header in headers) {
                            // header names are case insensitive
                            if (header.toLowerCase() === 'authorization') {
                                delete headers[header];
                            }
                        }
                    }
                    // let's make the request with the new redirectUrl
                    info = this._prepareRequest(verb, parsedRedirectUrl, headers);
                    response = yield this.requestRaw(info, data);
                    redirectsRemaining--;
                }
                if (!response.message.statusCode ||
                    !HttpResponseRetryCodes.includes(response.message.statusCode)) {
                    // If not a retry code, return immediately instead of retrying
                    return response;
                }
                numTries += 1;
                if (numTries < maxTries) {
                    yield response.readBody();
                    yield this._performExponentialBackoff(numTries);
                }
            } while (numTries < maxTries);
            return response;
        });
    }
    /**
     * Needs to be called if keepAlive is set to true in request options.
     */
    dispose() {
        if (this._agent) {
            this._agent.destroy();
        }
        this._disposed = true;
    }
    /**
     * Raw request.
     * @param info
     * @param data
     */
    requestRaw(info, data) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => {
                function callbackForResult(err, res) {
                    if (err) {
                        reject(err);
                    }
                    else if (!res) {
                        // If `err` is not passed, then `res` must be passed.
                        reject(new Error('Unknown error'));
                    }
                    else {
                        resolve(res);
                    }
                }
                this.requestRawWithCallback(info, data, callbackForResult);
            });
        });
    }
    /**
     * Raw request with callback.
     * @param info
     * @param data
     * @param onResult
     */
    requestRawWithCallback(info, data, onResult) {
        if (typeof data === 'string') {
            if (!info.options.headers) {
                info.options.headers = {};
            }
            info.options.headers['Content-Length'] = Buffer.byteLength(data, 'utf8');
        }
        let callbackCalled = false;
        function handleResult(err, res) {
            if (!callbackCalled) {
                callbackCalled = true;
                onResult(err, res);
            }
        }
        const req = info.httpModule.request(info.options, (msg) => {
            const res = new HttpClientResponse(msg);
            handleResult(undefined, res);
        });
        let socket;
        req.on('socket', sock => {
            socket = sock;
        });
        // If we ever get disconnected, we want the socket to timeout eventually
        req.setTimeout(this._socketTimeout || 3 * 60000, () => {
            if (socket) {
                socket.end();
            }
            handleResult(new Error(`Request timeout: ${info.options.path}`));
        });
        req.on('error', function (err) {
            // err has statusCode property
            // res should have headers
            handleResult(err);
        });
        if (data && typeof data === 'string') {
            req.write(data, 'utf8');
        }
        if (data && typeof data !== 'string') {
            data.on('close', function () {
                req.end();
            });
            data.pipe(req);
        }
        else {
            req.end();
        }
    }
    /**
     * Gets an http agent. This function is useful when you need an http agent that handles
     * routing through a proxy server - depending upon the url and proxy environment variables.
     * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
     */
    getAgent(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        return this._getAgent(parsedUrl);
    }
    getAgentDispatcher(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (!useProxy) {
            return;
        }
        return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
    }
    _prepareRequest(method, requestUrl, headers) {
        const info = {};
        info.parsedUrl = requestUrl;
        const usingSsl = info.parsedUrl.protocol === 'https:';
        info.httpModule = usingSsl ? external_https_namespaceObject : external_http_namespaceObject;
        const defaultPort = usingSsl ? 443 : 80;
        info.options = {};
        info.options.host = info.parsedUrl.hostname;
        info.options.port = info.parsedUrl.port
            ? parseInt(info.parsedUrl.port)
            : defaultPort;
        info.options.path =
            (info.parsedUrl.pathname || '') + (info.parsedUrl.search || '');
        info.options.method = method;
        info.options.headers = this._mergeHeaders(headers);
        if (this.userAgent != null) {
            info.options.headers['user-agent'] = this.userAgent;
        }
        info.options.agent = this._getAgent(info.parsedUrl);
        // gives handlers an opportunity to participate
        if (this.handlers) {
            for (const handler of this.handlers) {
                handler.prepareRequest(info.options);
            }
        }
        return info;
    }
    _mergeHeaders(headers) {
        if (this.requestOptions && this.requestOptions.headers) {
            return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
        }
        return lowercaseKeys(headers || {});
    }
    /**
     * Gets an existing header value or returns a default.
     * Handles converting number header values to strings since HTTP headers must be strings.
     * Note: This returns string | string[] since some headers can have multiple values.
     * For headers that must always be a single string (like Content-Type), use the
     * specialized _getExistingOrDefaultContentTypeHeader method instead.
     */
    _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[header];
            if (headerValue) {
                clientHeader =
                    typeof headerValue === 'number' ? headerValue.toString() : headerValue;
            }
        }
        const additionalValue = additionalHeaders[header];
        if (additionalValue !== undefined) {
            return typeof additionalValue === 'number'
                ? additionalValue.toString()
                : additionalValue;
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    /**
     * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
     * Always returns a single string (not an array) since Content-Type should be a single value.
     * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
     * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
     * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
     */
    _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
            if (headerValue) {
                if (typeof headerValue === 'number') {
                    clientHeader = String(headerValue);
                }
                else if (Array.isArray(headerValue)) {
                    clientHeader = headerValue.join(', ');
                }
                else {
                    clientHeader = headerValue;
                }
            }
        }
        const additionalValue = additionalHeaders[Headers.ContentType];
        // Return the first non-undefined value, converting numbers or arrays to strings if necessary
        if (additionalValue !== undefined) {
            if (typeof additionalValue === 'number') {
                return String(additionalValue);
            }
            else if (Array.isArray(additionalValue)) {
                return additionalValue.join(', ');
            }
            else {
                return additionalValue;
            }
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    _getAgent(parsedUrl) {
        let agent;
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (this._keepAlive && useProxy) {
            agent = this._proxyAgent;
        }
        if (!useProxy) {
            agent = this._agent;
        }
        // if agent is already assigned use that agent.
        if (agent) {
            return agent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        let maxSockets = 100;
        if (this.requestOptions) {
            maxSockets = this.requestOptions.maxSockets || external_http_.globalAgent.maxSockets;
        }
        // This is `useProxy` again, but we need to check `proxyURl` directly for TypeScripts's flow analysis.
        if (proxyUrl && proxyUrl.hostname) {
            const agentOptions = {
                maxSockets,
                keepAlive: this._keepAlive,
                proxy: Object.assign(Object.assign({}, ((proxyUrl.username || proxyUrl.password) && {
                    proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
                })), { host: proxyUrl.hostname, port: proxyUrl.port })
            };
            let tunnelAgent;
            const overHttps = proxyUrl.protocol === 'https:';
            if (usingSsl) {
                tunnelAgent = overHttps ? tunnel.httpsOverHttps : tunnel.httpsOverHttp;
            }
            else {
                tunnelAgent = overHttps ? tunnel.httpOverHttps : tunnel.httpOverHttp;
            }
            agent = tunnelAgent(agentOptions);
            this._proxyAgent = agent;
        }
        // if tunneling agent isn't assigned create a new agent
        if (!agent) {
            const options = { keepAlive: this._keepAlive, maxSockets };
            agent = usingSsl ? new external_https_.Agent(options) : new external_http_.Agent(options);
            this._agent = agent;
        }
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            agent.options = Object.assign(agent.options || {}, {
                rejectUnauthorized: false
            });
        }
        return agent;
    }
    _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
        let proxyAgent;
        if (this._keepAlive) {
            proxyAgent = this._proxyAgentDispatcher;
        }
        // if agent is already assigned use that agent.
        if (proxyAgent) {
            return proxyAgent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        proxyAgent = new undici_on_demand.ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, ((proxyUrl.username || proxyUrl.password) && {
            token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString('base64')}`
        })));
        this._proxyAgentDispatcher = proxyAgent;
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
                rejectUnauthorized: false
            });
        }
        return proxyAgent;
    }
    _getUserAgentWithOrchestrationId(userAgent) {
        const baseUserAgent = userAgent || 'actions/http-client';
        const orchId = process.env['ACTIONS_ORCHESTRATION_ID'];
        if (orchId) {
            // Sanitize the orchestration ID to ensure it contains only valid characters
            // Valid characters: 0-9, a-z, _, -, .
            const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, '_');
            return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
        }
        return baseUserAgent;
    }
    _performExponentialBackoff(retryNumber) {
        return __awaiter(this, void 0, void 0, function* () {
            retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
            const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
            return new Promise(resolve => setTimeout(() => resolve(), ms));
        });
    }
    _processResponse(res, options) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                const statusCode = res.message.statusCode || 0;
                const response = {
                    statusCode,
                    result: null,
                    headers: {}
                };
                // not found leads to null obj returned
                if (statusCode === HttpCodes.NotFound) {
                    resolve(response);
                }
                // get the result from the body
                function dateTimeDeserializer(key, value) {
                    if (typeof value === 'string') {
                        const a = new Date(value);
                        if (!isNaN(a.valueOf())) {
                            return a;
                        }
                    }
                    return value;
                }
                let obj;
                let contents;
                try {
                    contents = yield res.readBody();
                    if (contents && contents.length > 0) {
                        if (options && options.deserializeDates) {
                            obj = JSON.parse(contents, dateTimeDeserializer);
                        }
                        else {
                            obj = JSON.parse(contents);
                        }
                        response.result = obj;
                    }
                    response.headers = res.message.headers;
                }
                catch (err) {
                    // Invalid resource (contents not json);  leaving result obj null
                }
                // note that 3xx redirects are handled by the http layer.
                if (statusCode > 299) {
                    let msg;
                    // if exception/error in body, attempt to get better error
                    if (obj && obj.message) {
                        msg = obj.message;
                    }
                    else if (contents && contents.length > 0) {
                        // it may be the case that the exception is in the body message as string
                        msg = contents;
                    }
                    else {
                        msg = `Failed request: (${statusCode})`;
                    }
                    const err = new HttpClientError(msg, statusCode);
                    err.result = response.result;
                    reject(err);
                }
                else {
                    resolve(response);
                }
            }));
        });
    }
}
const lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => ((c[k.toLowerCase()] = obj[k]), c), {});
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/auth.js
var auth_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
class BasicCredentialHandler {
    constructor(username, password) {
        this.username = username;
        this.password = password;
    }
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class auth_BearerCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Bearer ${this.token}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class PersonalAccessTokenCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`PAT:${this.token}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
//# sourceMappingURL=auth.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var oidc_utils_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



class oidc_utils_OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
            allowRetries: allowRetry,
            maxRetries: maxRetry
        };
        return new HttpClient('actions/oidc-client', [new BearerCredentialHandler(oidc_utils_OidcClient.getRequestToken())], requestOptions);
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = oidc_utils_OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = oidc_utils_OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield oidc_utils_OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_.constants.R_OK | external_fs_.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map
// EXTERNAL MODULE: external "string_decoder"
var external_string_decoder_ = __nccwpck_require__(3193);
// EXTERNAL MODULE: external "events"
var external_events_ = __nccwpck_require__(4434);
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
// EXTERNAL MODULE: external "assert"
var external_assert_ = __nccwpck_require__(2613);
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var io_util_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_.constants.O_RDONLY;
function exists(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return io_util_awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_namespaceObject.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_namespaceObject.dirname(filePath);
                        const upperName = external_path_namespaceObject.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_namespaceObject.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_namespaceObject.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_namespaceObject.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_namespaceObject.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_namespaceObject.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_.EOL.length);
                n = s.indexOf(external_os_.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_namespaceObject.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec_exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = tr.argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new tr.ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new StringDecoder('utf8');
        const stderrDecoder = new StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec_exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_.platform();
const arch = external_os_.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function core_setSecret(secret) {
    command_issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return file_command_issueFileCommand('OUTPUT', file_command_prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_.EOL);
    command_issueCommand('set-output', { name }, utils_toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    core_error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function core_debug(message) {
    command_issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function core_error(message, properties = {}) {
    command_issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    command_issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    command_issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    command_issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return file_command_issueFileCommand('STATE', file_command_prepareKeyValueMessage(name, value));
    }
    command_issueCommand('save-state', { name }, utils_toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map
;// CONCATENATED MODULE: ./src/core/errors.ts
/**
 * Errors the action reports to the user. Their messages are written for the
 * workflow log: they say what went wrong and how to fix it, and they are
 * printed without a stack trace (the stack goes to the debug log).
 */
class ActionError extends Error {
    constructor(message) {
        super(message);
        this.name = new.target.name;
    }
}
/** Something the workflow author wrote is wrong; nothing was sent to Armox. */
class InputError extends ActionError {
    fileProblems;
    constructor(message, 
    /** The problems among them that are in `inputs-file` or `batch-file`, for annotations on the file. */
    fileProblems = []) {
        super(message);
        this.fileProblems = fileProblems;
    }
}
/** An Armox API call failed (after any retries that were safe to make). */
class ApiError extends ActionError {
    call;
    status;
    transient;
    constructor(message, 
    /** The call that failed, such as `GET /apps`. */
    call, 
    /** The HTTP status, when the server answered at all. */
    status, 
    /** True when retrying the same request could succeed (5xx, reset, 429). */
    transient = false) {
        super(message);
        this.call = call;
        this.status = status;
        this.transient = transient;
    }
}
/** The overall `timeout` ran out. */
class TimeoutError extends ActionError {
}
/** The timeout ran out before a request could be sent: nothing reached the API. */
class NotSentError extends TimeoutError {
}
/**
 * The timeout ran out while the job's files were being downloaded or attached
 * to a release. The message names the file or asset in flight.
 */
class DeliveryTimeoutError extends TimeoutError {
}
/** The workflow was cancelled (SIGINT/SIGTERM) while the action was running. */
class CancelledError extends ActionError {
}
/** Best-effort text of anything thrown, for the log. */
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    if (typeof error === 'string')
        return error;
    try {
        return JSON.stringify(error) ?? String(error);
    }
    catch {
        return String(error);
    }
}

;// CONCATENATED MODULE: ./src/core/log.ts
function redactingLogger(inner, secrets) {
    const redact = (text) => redactSecrets(text, secrets);
    return {
        info: (message) => inner.info(redact(message)),
        warning: (message) => inner.warning(redact(message)),
        notice: (message) => inner.notice(redact(message)),
        debug: (message) => inner.debug(redact(message)),
        group: (title, fn) => inner.group(redact(title), fn),
    };
}
/** Shorter fragments of a secret cut by `printable` are too common to remove without hiding other text. */
const MIN_FRAGMENT = 6;
/** The kind a key or token says it is (`sk_live_`, `ghs_`): not secret, and what a hint names. */
const KIND_PREFIX = /^(sk_(live|test)_|gh[pousr]_|github_pat_)$/;
/**
 * The step's secrets, registered once at start-up (as `core.setSecret` tells
 * the runner), so that every place that cuts outside text (`clip`,
 * `printable`) removes them first: a secret cut in two would no longer be
 * recognised by the redaction of the log, the outputs and the summary.
 */
const registered = new Set();
function registerSecrets(values) {
    for (const value of values)
        if (value.length >= 4)
            registered.add(value);
}
/** `text` without any registered secret. */
function redactRegistered(text) {
    return registered.size === 0 ? text : redactSecrets(text, [...registered]);
}
/**
 * `text` without any secret. A quoted value cut short (`printable`'s `…`) can
 * end inside a secret, so the part of a secret just before a `…` goes too.
 */
function redactSecrets(text, secrets) {
    let result = text;
    for (const secret of secrets) {
        if (secret.length < 4)
            continue;
        result = result.split(secret).join('***');
        for (let length = secret.length - 1; length >= MIN_FRAGMENT && result.includes('…'); length--) {
            const fragment = secret.slice(0, length);
            if (!KIND_PREFIX.test(fragment))
                result = result.split(`${fragment}…`).join('***…');
        }
    }
    return result;
}
/** A copy of `value` with every secret removed from every string in it (for the job summary). */
function redactDeep(value, secrets) {
    return JSON.parse(JSON.stringify(value), (_key, item) => typeof item === 'string' ? redactSecrets(item, secrets) : item);
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(7075);
;// CONCATENATED MODULE: external "node:v8"
const external_node_v8_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");
;// CONCATENATED MODULE: ./src/core/format.ts
/** Durations, sizes and counts as users write and read them. */
const UNIT_MS = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };
/** Matches `1h30m`, `15m`, `90s`, `250ms`, `1h2m3s`: each unit at most once, largest first. */
const COMPOUND = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+)ms)?$/;
/** The longest wait a timer can express (setTimeout's limit, about 24.8 days). */
const MAX_DURATION_MS = 2_147_483_647;
/**
 * Parses a duration as users write it in a workflow: a bare number of seconds
 * (`900`), or units `h`, `m`, `s`, `ms` (`90s`, `15m`, `1h30m`).
 * Returns milliseconds, or undefined when the text is not a duration.
 */
function parseDuration(text) {
    const value = text.trim().toLowerCase();
    if (value === '')
        return undefined;
    if (/^\d+(?:\.\d+)?$/.test(value))
        return Math.round(Number(value) * 1000);
    const match = COMPOUND.exec(value);
    if (!match || match.slice(1).every((part) => part === undefined))
        return undefined;
    const [, h, m, s, ms] = match;
    const total = Number(h ?? 0) * UNIT_MS.h + Number(m ?? 0) * UNIT_MS.m + Number(s ?? 0) * UNIT_MS.s + Number(ms ?? 0);
    return Math.round(total);
}
/** `95000` → `1m35s`; used in logs and the summary. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.max(0, Math.round(ms))}ms`;
    let seconds = Math.round(ms / 1000);
    const hours = Math.floor(seconds / 3600);
    seconds -= hours * 3600;
    const minutes = Math.floor(seconds / 60);
    seconds -= minutes * 60;
    const parts = [];
    if (hours)
        parts.push(`${hours}h`);
    if (minutes)
        parts.push(`${minutes}m`);
    if (seconds || parts.length === 0)
        parts.push(`${seconds}s`);
    return parts.join('');
}
/** `2500000` → `2.4 MiB`; used in logs and the summary. */
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    const units = ['KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit += 1;
    }
    return `${value.toFixed(1)} ${units[unit]}`;
}
/** `plural(3, 'file')` → `3 files`. */
function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

;// CONCATENATED MODULE: ./src/core/text.ts
/** Small helpers for text and values from outside: what a user typed, what a server sent. */

/** Shows control and invisible characters as escapes, and shortens long values, for error messages. */
function printable(text, max = 80) {
    // Secrets go before the cut: a secret cut in two is no longer recognised.
    const value = redactRegistered(text);
    // eslint-disable-next-line no-control-regex
    const escaped = value.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g, (c) => c === '\n' ? '\\n' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return escaped.length > max ? `${escaped.slice(0, max)}… (${value.length} characters)` : escaped;
}
/** `text` on one line: each line break (`\r\n`, `\r`, `\n`, U+0085, U+2028, U+2029) shown as `\n`. */
function oneLine(text) {
    return text.replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, '\\n');
}
/** `text` cut to `max` characters, ending in `…` when it was longer. */
function clip(raw, max) {
    // Secrets go before the cut: a secret cut in two is no longer recognised.
    const text = redactRegistered(raw);
    return text.length > max ? `${text.slice(0, max)}…` : text;
}
/** A plain object (not null, not a list): what JSON answers are checked with. */
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The URL, when `value` is an absolute http(s) URL; undefined for anything else. The one http(s) check. */
function parseHttpUrl(value) {
    if (!/^https?:\/\//i.test(value))
        return undefined;
    try {
        return new URL(value);
    }
    catch {
        return undefined;
    }
}
/** True for an absolute http(s) URL that parses. */
function isHttpUrl(value) {
    return parseHttpUrl(value) !== undefined;
}
/** `ECONNRESET: socket hang up` or `ENOSPC: no space left…` rather than a bare stack: network and disk errors alike. */
function describeSystemError(error) {
    if (error instanceof Error) {
        const code = error.code;
        return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
    }
    return String(error);
}
/** JSON with object keys sorted (list order kept): two values are the same data when these are equal. */
function canonicalJson(value) {
    return JSON.stringify(value, (_, item) => isObject(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : item);
}

;// CONCATENATED MODULE: ./src/core/http-stream.ts


/** A transport failure: no usable answer arrived. */
class TransportError extends Error {
    kind;
    constructor(message, kind) {
        super(message);
        this.kind = kind;
        this.name = 'TransportError';
    }
}
/**
 * Hands `signal` to the underlying `http.request`, so aborting it destroys the
 * request and its socket, a proxy tunnel's included (which `dispose()` misses).
 */
function abortWith(signal) {
    return {
        prepareRequest: (requestOptions) => {
            requestOptions.signal = signal;
        },
        canHandleAuthentication: () => false,
        handleAuthentication: () => Promise.reject(new Error('not supported')),
    };
}
/** `promise`, or a rejection with the signal's reason as soon as it aborts. */
function whileOpen(promise, signal) {
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        if (signal.aborted)
            onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        promise.then((value) => {
            signal.removeEventListener('abort', onAbort);
            resolve(value);
        }, (error) => {
            signal.removeEventListener('abort', onAbort);
            reject(error);
        });
    });
}
async function readBody(message, maxBytes) {
    const declared = Number(message.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
        message.destroy();
        throw new TransportError(`the answer is ${declared} bytes, more than the ${maxBytes} allowed`, 'too-large');
    }
    const chunks = [];
    let size = 0;
    try {
        for await (const chunk of message) {
            const buffer = chunk;
            size += buffer.length;
            if (size > maxBytes) {
                message.destroy();
                throw new TransportError(`the answer is more than the ${maxBytes} bytes allowed`, 'too-large');
            }
            chunks.push(buffer);
        }
    }
    catch (error) {
        if (error instanceof TransportError)
            throw error;
        throw new TransportError(`the answer was cut short (${describeSystemError(error)})`, 'truncated');
    }
    if (!message.complete)
        throw new TransportError('the answer was cut short', 'truncated');
    return Buffer.concat(chunks).toString('utf8');
}
function toTransportError(error) {
    if (error instanceof TransportError || error instanceof CancelledError)
        return error;
    const text = describeSystemError(error);
    return new TransportError(text, /timeout/i.test(text) ? 'timeout' : 'network');
}

;// CONCATENATED MODULE: ./src/core/http.ts








/**
 * One HTTP request and its response, the only way the action talks HTTP. It
 * goes through `@actions/http-client` (which honours the runner's proxy
 * variables), one client per exchange, so an exchange that hangs can be torn
 * down without touching the others. Its time limit, idle watchdog, deadline
 * and the caller's signal all end it the same way: `abort()` destroys the
 * request through the request's own signal (which also closes a proxy
 * tunnel, where `HttpClient.dispose()` only reaches a direct connection's
 * agent), the response and the client. Open with `openExchange`; always
 * `close()` it, whatever happened.
 */
class HttpExchange {
    options;
    teardown = new AbortController();
    client;
    timers = [];
    lastProgress = Date.now();
    bytesRead = 0;
    unlinkSignal;
    message;
    body;
    /** Use `openExchange`. */
    constructor(options) {
        this.options = options;
        const limits = [options.timeoutMs, options.idleTimeoutMs].filter((ms) => ms !== undefined);
        this.client = new lib_HttpClient(options.userAgent, [abortWith(this.teardown.signal)], {
            allowRedirects: false,
            allowRetries: false,
            keepAlive: false,
            // http-client's own socket timeout is a last resort: the timers below fire first.
            socketTimeout: limits.length > 0 ? Math.min(...limits) + 5_000 : undefined,
        });
        this.teardown.signal.addEventListener('abort', () => this.destroy(), { once: true });
        this.armTimers();
        this.linkSignal();
    }
    /** The response: headers are in, the body is unread. */
    get response() {
        if (!this.message)
            throw new Error('the exchange has no response yet');
        return this.message;
    }
    get status() {
        return this.response.statusCode ?? 0;
    }
    header(name) {
        const value = this.response.headers[name.toLowerCase()];
        return Array.isArray(value) ? value[0] : value;
    }
    /** Aborted when the exchange is abandoned; the reason says why. Pass it to `pipeline`. */
    get signal() {
        return this.teardown.signal;
    }
    /**
     * What a failure really was: once the exchange has been abandoned, the
     * reason (timeout, cancellation…) rather than the socket error it caused.
     */
    failure(error) {
        return this.teardown.signal.aborted ? this.teardown.signal.reason : error;
    }
    /** Abandons the exchange with `reason` (what `open` and reads then reject with). */
    abort(reason) {
        if (!this.teardown.signal.aborted)
            this.teardown.abort(reason);
    }
    /** Reads the whole body as text, refusing more than `maxBytes`. */
    async readText(maxBytes) {
        try {
            return await readBody(this.response, maxBytes);
        }
        catch (error) {
            throw this.failure(error);
        }
    }
    /** Ends the exchange: timers stop, and the request and response are torn down if still open. */
    close() {
        for (const timer of this.timers)
            clearTimeout(timer);
        this.unlinkSignal?.();
        this.destroy();
    }
    /** Sends the request; resolves once the response headers are in. */
    async start() {
        // Out of time (or cancelled) already: nothing is sent.
        if (this.teardown.signal.aborted)
            throw this.teardown.signal.reason;
        const { method, url, body, headers } = this.options;
        const sent = body === undefined || body === null || typeof body === 'string'
            ? this.client.request(method, url, body ?? null, { ...headers })
            : this.client.sendStream(method, url, this.metered(body), { ...headers });
        try {
            const response = await whileOpen(sent, this.teardown.signal);
            this.message = response.message;
        }
        catch (error) {
            throw this.failure(toTransportError(error));
        }
        this.touch();
    }
    /** Progress, for the idle watchdog: a request body chunk sent, or response bytes read. */
    touch() {
        this.lastProgress = Date.now();
    }
    destroy() {
        this.body?.destroy();
        this.message?.destroy();
        this.client.dispose();
    }
    armTimers() {
        const { deadline, idleTimeoutMs } = this.options;
        const limit = this.options.timeoutMs ?? Infinity;
        const left = deadline?.remaining() ?? Infinity;
        if (left <= 0) {
            this.abort(new TransportError('the timeout ran out', 'deadline'));
        }
        else if (left <= limit && left !== Infinity) {
            this.after(left, () => new TransportError('the timeout ran out', 'deadline'));
        }
        else if (limit !== Infinity) {
            this.after(limit, () => new TransportError(`no complete answer within ${formatDuration(limit)}`, 'timeout'));
        }
        if (idleTimeoutMs !== undefined) {
            // One check every so often rather than a timer reset on every chunk: cheaper on a fast link.
            const watchdog = setInterval(() => {
                // Bytes read from the socket (a proxy tunnel's too) are progress: polled here, not counted per chunk.
                const read = this.message?.socket?.bytesRead ?? 0;
                if (read !== this.bytesRead) {
                    this.bytesRead = read;
                    this.touch();
                }
                if (Date.now() - this.lastProgress < idleTimeoutMs)
                    return;
                this.abort(new TransportError(`no data received for ${formatDuration(idleTimeoutMs)}`, 'timeout'));
            }, Math.min(1_000, Math.max(10, idleTimeoutMs / 4)));
            this.timers.push(watchdog);
        }
    }
    after(ms, reason) {
        this.timers.push(setTimeout(() => this.abort(reason()), Math.max(0, ms)));
    }
    linkSignal() {
        const signal = this.options.signal;
        if (!signal)
            return;
        const onAbort = () => this.abort(abortReason(signal));
        if (signal.aborted)
            return onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        this.unlinkSignal = () => signal.removeEventListener('abort', onAbort);
    }
    /**
     * The request body, counted as progress as it goes out. A read error
     * abandons the exchange: http-client ignores errors on the stream it pipes.
     */
    metered(body) {
        body.once('error', (error) => this.abort(new TransportError(`cannot read the request body (${describeSystemError(error)})`, 'source')));
        const touch = () => this.touch();
        this.body = body.pipe(new external_node_stream_.Transform({
            transform(chunk, _encoding, done) {
                touch();
                done(null, chunk);
            },
        }));
        return this.body;
    }
}
/** Opens an exchange: resolves once the response headers are in; the caller must `close()` it. */
async function openExchange(options) {
    const exchange = new HttpExchange(options);
    try {
        await exchange.start();
        return exchange;
    }
    catch (error) {
        exchange.close();
        throw error;
    }
}
/** One request whose whole answer is read into memory (API calls), bounded in time and size. */
async function sendRequest(method, url, body, options) {
    const exchange = await openExchange({ method, url, body, ...options });
    try {
        const text = await exchange.readText(options.maxBodyBytes);
        return { status: exchange.status, headers: exchange.response.headers, body: text };
    }
    finally {
        exchange.close();
    }
}
/**
 * Why `signal` was aborted: its reason when that is an error of ours (a
 * timeout, a stop), otherwise a CancelledError (a bare `abort()` means the
 * workflow was cancelled).
 */
function abortReason(signal) {
    const reason = signal.reason;
    if (reason instanceof Error && reason.name !== 'AbortError')
        return reason;
    return new CancelledError('The workflow was cancelled.');
}
let sweepingPromptly = false;
/**
 * Has V8 free the memory of dead buffers during each garbage collection
 * rather than later, on a background thread. Node allocates a new 64 KiB
 * buffer for every socket read (and every file read of an upload), so a large
 * transfer makes garbage buffers by the thousand: with the background sweeper
 * they piled up faster than it freed them, and its thread competed with the
 * transfer for a runner's 2 cores. Measured downloading 3 × 300 MiB on
 * loopback: about 30 % less CPU and 25 % less wall time, and a lower peak of
 * memory. It changes when V8 frees array buffers, nothing a program can see;
 * the flag is one V8 reads at each collection, so setting it at run time
 * takes effect. Called before downloads and uploads; once per process.
 */
function sweepBuffersPromptly() {
    if (sweepingPromptly)
        return;
    sweepingPromptly = true;
    (0,external_node_v8_namespaceObject.setFlagsFromString)('--no-concurrent-array-buffer-sweeping');
}

;// CONCATENATED MODULE: ./src/core/timing.ts

/** A point in time that bounds a whole phase of work (the `timeout` input). */
class Deadline {
    expiresAt;
    now;
    constructor(expiresAt, now = Date.now) {
        this.expiresAt = expiresAt;
        this.now = now;
    }
    static after(ms, now = Date.now) {
        return new Deadline(now() + ms, now);
    }
    remaining() {
        return Math.max(0, this.expiresAt - this.now());
    }
    get expired() {
        return this.remaining() <= 0;
    }
}
/** Waits `ms`, or rejects with CancelledError as soon as `signal` aborts. */
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(new CancelledError('The workflow was cancelled.'));
            return;
        }
        const onAbort = () => {
            clearTimeout(timer);
            reject(new CancelledError('The workflow was cancelled.'));
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, Math.max(0, Math.min(ms, 2_147_483_647)));
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random,
 * so retries from many runners do not synchronise (as Armox asks).
 */
function backoffDelay(attempt, baseMs, maxMs, random = Math.random) {
    const step = Math.min(maxMs, baseMs * 2 ** attempt);
    return Math.round(step / 2 + random() * (step / 2));
}
/**
 * `Retry-After` as milliseconds from now: delta seconds (`60`) or an HTTP date.
 * Undefined when absent or unreadable.
 */
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    const text = value.trim();
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    // An HTTP date names its day or month in letters; bare numbers like "-5" are not dates.
    if (!/[a-z]{3}/i.test(text))
        return undefined;
    const date = Date.parse(text);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}
/**
 * `X-RateLimit-Reset` as milliseconds from now. Armox sends unix seconds; a
 * small number is read as seconds from now, which some gateways send instead.
 */
function parseRateLimitReset(value, now = Date.now()) {
    if (!value || !/^\d+(\.\d+)?$/.test(value.trim()))
        return undefined;
    const n = Number(value.trim());
    return n > 1_000_000_000 ? Math.max(0, n * 1000 - now) : n * 1000;
}

;// CONCATENATED MODULE: ./src/core/retry.ts


/**
 * Counts failures and decides the wait before the next attempt: the server's
 * wait when it gave one (`Retry-After`), otherwise exponential backoff with
 * jitter. The one place these rules live, for every kind of request.
 */
class Backoff {
    policy;
    failures = 0;
    constructor(policy) {
        this.policy = policy;
    }
    /** The number of the attempt about to be made (1 for the first). */
    get attempt() {
        return this.failures + 1;
    }
    /** Records a failure; the wait before the next attempt, or why there is none. */
    next(serverWaitMs) {
        const { attempts, baseMs, maxMs, random, deadline, maxWaitMs = Infinity } = this.policy;
        this.failures += 1;
        const delayMs = serverWaitMs ?? backoffDelay(this.failures - 1, baseMs, maxMs, random);
        if (this.failures >= attempts)
            return { delayMs, giveUp: 'attempts' };
        if (deadline && delayMs >= deadline.remaining())
            return { delayMs, giveUp: 'deadline' };
        if (serverWaitMs !== undefined && serverWaitMs > maxWaitMs)
            return { delayMs, giveUp: 'too-long' };
        return { delayMs };
    }
}
/** Runs `attempt` until it succeeds, retrying what `judge` says is worth it, within the policy. */
async function retry(attempt, options) {
    const backoff = new Backoff(options);
    const giveUp = options.giveUp ?? ((error) => error);
    for (;;) {
        const n = backoff.attempt;
        try {
            return await attempt(n);
        }
        catch (error) {
            const verdict = options.judge(error);
            if (!verdict.retry)
                throw giveUp(error, 'final', n);
            const step = backoff.next(verdict.waitMs);
            if (step.giveUp)
                throw giveUp(error, step.giveUp, n, step.delayMs);
            options.onRetry?.(error, step.delayMs, n + 1);
            await wait(step.delayMs, options.signal);
        }
    }
}
async function wait(ms, signal) {
    try {
        await sleep(ms, signal);
    }
    catch (error) {
        throw signal?.aborted ? abortReason(signal) : error;
    }
}

;// CONCATENATED MODULE: ./src/armox/answers.ts


/** An answer that is not what the call returns, as an ApiError naming the call. */
function malformed(call, what) {
    return new ApiError(`${call} failed: the API sent ${what}.`, call, undefined, true);
}
/** Reads `GET /apps`, keeping what the action relies on and skipping entries it cannot use. */
function parseAppList(body) {
    const data = isObject(body) ? body.data : undefined;
    if (!Array.isArray(data))
        throw malformed('GET /apps', 'a body without a "data" list of apps');
    const apps = [];
    for (const item of data) {
        if (!isObject(item) || typeof item.id !== 'string' || typeof item.name !== 'string')
            continue;
        const inputs = [];
        for (const input of Array.isArray(item.inputs) ? item.inputs : []) {
            if (!isObject(input) || typeof input.id !== 'string' || input.id === '')
                continue;
            inputs.push({
                id: input.id,
                type: typeof input.type === 'string' ? input.type : 'text',
                label: typeof input.label === 'string' && input.label.trim() ? input.label : input.id,
                required: input.required === true,
                targetHandle: typeof input.targetHandle === 'string' ? input.targetHandle : undefined,
                allowMultiple: input.allowMultiple === true,
            });
        }
        apps.push({
            id: item.id,
            name: item.name,
            description: typeof item.description === 'string' ? item.description : undefined,
            inputs,
        });
    }
    return apps;
}
/**
 * Where a setting's choices may be: the reference shows none, so its field name
 * is not known. `options` first; the others are common spellings.
 */
const OPTION_FIELDS = ['options', 'values', 'choices'];
/** Reads `GET /models`, keeping what the action relies on and skipping entries it cannot use. */
function parseModelList(body) {
    const data = isObject(body) ? body.data : undefined;
    if (!Array.isArray(data))
        throw malformed('GET /models', 'a body without a "data" list of models');
    return data.flatMap((item) => {
        const model = parseModel(item);
        return model ? [model] : [];
    });
}
function parseModel(item) {
    if (!isObject(item) || typeof item.id !== 'string' || item.id.trim() === '')
        return undefined;
    const settings = [];
    const seen = new Set();
    for (const entry of Array.isArray(item.settings) ? item.settings : []) {
        const setting = parseSetting(entry);
        // Two settings under one key could not both be sent: keep the first.
        if (setting && !seen.has(setting.key)) {
            seen.add(setting.key);
            settings.push(setting);
        }
    }
    const inputTypes = Array.isArray(item.inputTypes)
        ? item.inputTypes.filter((type) => typeof type === 'string').map((type) => type.toLowerCase())
        : undefined;
    return {
        id: item.id,
        name: nonEmptyString(item.name) ?? item.id,
        modality: nonEmptyString(item.modality) ?? '',
        cost: typeof item.cost === 'number' && Number.isFinite(item.cost) && item.cost >= 0 ? item.cost : undefined,
        inputTypes,
        promptRequired: item.promptRequired === true,
        outputType: nonEmptyString(item.outputType),
        description: nonEmptyString(item.description),
        settings,
    };
}
function parseSetting(entry) {
    if (!isObject(entry))
        return undefined;
    const key = nonEmptyString(entry.key);
    if (key === undefined)
        return undefined;
    const field = OPTION_FIELDS.find((name) => Array.isArray(entry[name]));
    const options = field ? parseOptions(entry[field]) : undefined;
    return {
        key,
        label: nonEmptyString(entry.label) ?? key,
        inputType: nonEmptyString(entry.inputType)?.toLowerCase() ?? (options ? 'select' : 'text'),
        defaultValue: entry.defaultValue ?? undefined,
        // An empty or unreadable list says nothing about what is allowed: no check then.
        options: options && options.length > 0 ? options : undefined,
    };
}
/** Options as plain values (`"1:1"`) or objects (`{value: "1:1", label: "Square"}`). */
function parseOptions(list) {
    const options = [];
    for (const item of list) {
        if (isSettingValue(item)) {
            options.push({ value: item });
        }
        else if (isObject(item) && isSettingValue(item.value)) {
            const label = nonEmptyString(item.label) ?? nonEmptyString(item.name);
            options.push(label !== undefined && label !== String(item.value) ? { value: item.value, label } : { value: item.value });
        }
    }
    return options;
}
function isSettingValue(value) {
    return (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)));
}
function nonEmptyString(value) {
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
/** Reads `GET /jobs`, skipping entries that are not jobs. */
function parseJobList(body) {
    const data = isObject(body) ? body.data : undefined;
    if (!Array.isArray(data))
        throw malformed('GET /jobs', 'a body without a "data" list of jobs');
    return data.flatMap((item) => {
        try {
            return [parseJob(item, 'GET /jobs')];
        }
        catch {
            return [];
        }
    });
}
/** Checks that an answer is a job: an object with a string `id` and `status`. */
function parseJob(body, call) {
    if (!isObject(body))
        throw malformed(call, 'an answer that is not a job object');
    if (typeof body.id !== 'string' || body.id === '')
        throw malformed(call, 'a job without an "id"');
    if (typeof body.status !== 'string' || body.status === '') {
        throw malformed(call, `job ${body.id} without a "status"`);
    }
    return body;
}
/**
 * The answer of `POST /models/run` as a Job: the 200 answer says `model` and
 * `output` where `GET /jobs/:id` says `model_id` and `output_data`. A job id
 * without a status is followed by polling, as for apps.
 */
function parseModelRunAnswer(body, modelId) {
    const call = 'POST /models/run';
    if (isObject(body) && typeof body.id === 'string' && body.id !== '' && typeof body.status !== 'string') {
        body = { ...body, status: 'processing' };
    }
    const job = parseJob(body, call);
    const answer = body;
    const output = answer.output_data ?? answer.output;
    return {
        ...job,
        run_type: 'model',
        model_id: typeof job.model_id === 'string' && job.model_id !== ''
            ? job.model_id
            : typeof answer.model === 'string'
                ? answer.model
                : modelId,
        // A bare value (a text model's answer, say) is kept under `output`.
        output_data: output === undefined || output === null ? job.output_data : isObject(output) ? output : { output },
    };
}

;// CONCATENATED MODULE: ./src/armox/call-policy.ts
/** Reads: retried, and abandoned when the workflow is cancelled. */
const READ = { retryable: true, abortable: true, abortWaits: true };
/** The paid submission: sent once, never abandoned mid-flight, but not sent at all if cancelled while waiting. */
const SUBMIT = { retryable: false, abortable: false, abortWaits: true };
/**
 * Clean-up: cancelling a job (idempotent), and finding the job of a submission
 * whose answer was lost. They are what runs after the workflow is cancelled.
 */
const CLEANUP = { retryable: true, abortable: false, abortWaits: false, attemptShare: 0.5 };

;// CONCATENATED MODULE: ./src/armox/failures.ts


/** How the API's failed answers become errors that name the call and say what to do. */
const STATUS_HINTS = {
    401: 'Check the api-key secret: it must be a valid Armox key (sk_live_…) for this api-url.',
    402: 'Add credits to the Armox account, or run a cheaper app or model.',
    403: 'API access needs an eligible Armox subscription, and the key must be allowed to use the app or model.',
};
function header(result, name) {
    const value = result.headers[name];
    return Array.isArray(value) ? value[0] : value;
}
/** The `error` text of an Armox error body, when the body is one. */
function apiErrorText(result) {
    try {
        const parsed = JSON.parse(result.body);
        if (isObject(parsed) && typeof parsed.error === 'string')
            return clip(failures_oneLine(parsed.error), 500);
        if (isObject(parsed) && isObject(parsed.error) && typeof parsed.error.message === 'string')
            return clip(failures_oneLine(parsed.error.message), 500);
    }
    catch {
        // not JSON: described below
    }
    return undefined;
}
function httpError(call, result) {
    const status = result.status;
    const transient = status >= 500 || status === 408;
    if (status >= 300 && status < 400) {
        const location = header(result, 'location');
        return new ApiError(`${call} failed: the API answered ${status} redirecting to ${location ?? '(nowhere)'}. Set api-url to the final address.`, call, status);
    }
    const text = apiErrorText(result) ?? describeNonJson(result);
    const hint = STATUS_HINTS[status];
    return new ApiError(`${call} failed: ${status} ${JSON.stringify(text)}.${hint ? ` ${hint}` : ''}`, call, status, transient);
}
function describeNonJson(result) {
    const type = header(result, 'content-type') ?? 'no content type';
    const text = result.body
        .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    const snippet = text ? `: ${clip(failures_oneLine(text), 160)}` : '';
    return `an answer that is not JSON (${type}, ${Buffer.byteLength(result.body)} bytes${snippet})`;
}
/** Server text on one line: control characters (newlines too) become spaces. */
function failures_oneLine(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u001f\u007f]/g, ' ');
}

;// CONCATENATED MODULE: ./src/core/version.ts
/** The action's version. A test keeps it equal to package.json's. */
const VERSION = '1.0.0';
/** Sent with every request the action makes: Armox, storage and GitHub alike. */
const USER_AGENT = `armox-app-action/${VERSION}`;

;// CONCATENATED MODULE: ./src/armox/client.ts









/** The most jobs `GET /jobs` lists (the API's maximum): every look at the recent jobs asks for all of them. */
const JOB_LIST_LIMIT = 100;
/** How long one request may take unless told otherwise: a submission's job is created within it. */
const REQUEST_TIMEOUT_MS = 60_000;
/** API answers are small; anything bigger is a broken or hostile server. */
const MAX_API_BODY_BYTES = 8 * 1024 * 1024;
/**
 * The Armox API, as the action uses it. One place sets the User-Agent and the
 * key, bounds every request in time, retries what is safe to retry, and turns
 * `{"error": …}` answers into errors that name the call that failed.
 */
class ArmoxClient {
    options;
    /**
     * No request before this time: set when the API said `X-RateLimit-Remaining: 0`
     * or answered 429. The limit is per key, so it holds for every call.
     */
    pausedUntil = 0;
    constructor(options) {
        this.options = {
            requestTimeoutMs: REQUEST_TIMEOUT_MS,
            retryBaseMs: 1_000,
            retryMaxMs: 30_000,
            readAttempts: 5,
            rateLimitWaits: 8,
            random: Math.random,
            ...options,
        };
    }
    async listApps(deadline) {
        const body = await this.call('GET', '/apps', null, { deadline, ...READ });
        return parseAppList(body);
    }
    async listModels(deadline) {
        const body = await this.call('GET', '/models', null, { deadline, ...READ });
        return parseModelList(body);
    }
    /** `GET /account`, unparsed: the balance is read from it by `money/balance.ts`. */
    async getAccount(deadline) {
        return this.call('GET', '/account', null, { deadline, ...READ });
    }
    async getJob(jobId, deadline) {
        const call = `GET /jobs/${jobId}`;
        const body = await this.call('GET', `/jobs/${encodeURIComponent(jobId)}`, null, { deadline, ...READ }, call);
        return parseJob(body, call);
    }
    /**
     * The account's most recent jobs, newest first: as many as one `GET /jobs` lists.
     * `cleanup`: the listing finds a submitted job, so a cancelled workflow does
     * not abandon it (that job must be found to be cancelled).
     */
    async listJobs(deadline, { cleanup = false } = {}) {
        const policy = cleanup ? CLEANUP : READ;
        const body = await this.call('GET', `/jobs?limit=${JOB_LIST_LIMIT}`, null, { deadline, ...policy });
        return parseJobList(body);
    }
    /**
     * Submits a run: exactly one request reaches the API unless it answers 429
     * (which means it did not take the run). Any other failure leaves the
     * outcome unknown, and is thrown as a transient ApiError without retrying.
     */
    async runApp(request, deadline) {
        const body = await this.call('POST', '/apps/run', JSON.stringify(request), { deadline, ...SUBMIT });
        // A job id is what matters here: with it the run can be followed, whatever else the answer lacks.
        if (isObject(body) && typeof body.id === 'string' && body.id !== '' && typeof body.status !== 'string') {
            return { ...body, id: body.id, status: 'processing' };
        }
        return parseJob(body, 'POST /apps/run');
    }
    /**
     * Submits a model run, once, as runApp does. The API answers 200 with the
     * job completed inline (its outputs in `output`) or 202 with a job to poll;
     * either way the answer comes back in the shape of `GET /jobs/:id`.
     */
    async runModel(request, deadline) {
        const body = await this.call('POST', '/models/run', JSON.stringify(request), { deadline, ...SUBMIT });
        return parseModelRunAnswer(body, request.model);
    }
    /** Cancelling twice is harmless (the second answers 409), so this call retries like a read. */
    async cancelJob(jobId, deadline) {
        const call = `POST /jobs/${jobId}/cancel`;
        const body = await this.call('POST', `/jobs/${encodeURIComponent(jobId)}/cancel`, '{}', { deadline, ...CLEANUP }, call);
        const status = isObject(body) && typeof body.status === 'string' ? body.status : 'cancelled';
        return { status };
    }
    async call(method, path, body, options, callName) {
        const call = callName ?? `${method} ${path.replace(/\?.*$/, '')}`;
        const failures = new Backoff({
            attempts: this.options.readAttempts,
            baseMs: this.options.retryBaseMs,
            maxMs: this.options.retryMaxMs,
            random: this.options.random,
            deadline: options.deadline,
        });
        let rateLimited = 0;
        for (;;) {
            // After a 429 the wait was announced already.
            await this.waitForRateLimitPause(call, options, rateLimited === 0);
            if (options.deadline.remaining() <= 0)
                throw new NotSentError(`${call} was not sent: the timeout ran out first.`);
            const result = await this.send(method, path, body, options, call);
            if (result instanceof ApiError) {
                await this.retryOrThrow(result, failures, options);
                continue;
            }
            if (result.status === 429) {
                rateLimited += 1;
                this.noteRateLimited(call, result, rateLimited, options);
                continue; // the pause at the top of the loop waits it out
            }
            if (result.status >= 200 && result.status < 300) {
                this.notePacing(result);
                try {
                    return JSON.parse(result.body);
                }
                catch {
                    const failure = malformed(call, describeNonJson(this.withoutKey(result)));
                    await this.retryOrThrow(failure, failures, options);
                    continue;
                }
            }
            const failure = httpError(call, this.withoutKey(result));
            if (!failure.transient)
                throw failure;
            await this.retryOrThrow(failure, failures, options);
        }
    }
    /**
     * One attempt: the API's answer, or a transient ApiError when none came
     * (reset, hang). Throws a TimeoutError when the deadline ran out meanwhile.
     */
    async send(method, path, body, options, call) {
        const started = Date.now();
        try {
            const result = await sendRequest(method, this.options.apiUrl + path, body, {
                timeoutMs: this.attemptTimeout(options),
                deadline: options.deadline,
                maxBodyBytes: MAX_API_BODY_BYTES,
                userAgent: USER_AGENT,
                signal: this.signalFor(options),
                headers: {
                    Authorization: `Bearer ${this.options.apiKey}`,
                    Accept: 'application/json',
                    ...(body !== null ? { 'Content-Type': 'application/json' } : {}),
                },
            });
            this.options.log.debug(`${call} → ${result.status} in ${Date.now() - started}ms`);
            return result;
        }
        catch (error) {
            if (!(error instanceof TransportError))
                throw error;
            if (error.kind === 'deadline' || (error.kind === 'timeout' && options.deadline.expired)) {
                throw new TimeoutError(`${call}: the timeout ran out while waiting for the API to answer.`);
            }
            return new ApiError(`${call} failed: ${error.message}.`, call, undefined, true);
        }
    }
    /** A 429: no call goes out before the API allows it; gives up when that is too late or too often. */
    noteRateLimited(call, result, rateLimited, options) {
        const { log } = this.options;
        const now = Date.now;
        const wait = parseRetryAfter(header(result, 'retry-after'), now());
        const backoff = backoffDelay(rateLimited, this.options.retryBaseMs, this.options.retryMaxMs, this.options.random);
        // Retry-After when given; repeated 429s back off (with jitter) at least as much, so a
        // `Retry-After: 0` (or a date already past, from a skewed clock) cannot make a burst of retries.
        const delay = wait === undefined ? backoff : rateLimited > 1 ? Math.max(wait, backoff) : wait;
        // Every later call waits too, not just this one's retry: the next poll must not come before Retry-After allows.
        this.pauseUntil(now() + delay);
        if (rateLimited > this.options.rateLimitWaits || delay >= options.deadline.remaining()) {
            throw new ApiError(`${call} failed: 429 rate limited (${apiErrorText(this.withoutKey(result)) ?? 'Rate limit exceeded'}) and the limit did not ` +
                'clear in time. Poll less often (poll-interval: 15s) or run fewer jobs at once on this key.', call, 429, true);
        }
        log.info(`${call}: rate limited by the API; retrying in ${Math.ceil(delay / 1000)}s.`);
    }
    /** Waits before the next attempt, or throws `failure` when retrying is unsafe or pointless. */
    async retryOrThrow(failure, failures, options) {
        if (!options.retryable)
            throw failure;
        const step = failures.next();
        if (step.giveUp)
            throw failure;
        this.options.log.info(`${failure.message} Retrying in ${(step.delayMs / 1000).toFixed(1)}s (attempt ${failures.attempt} of ${this.options.readAttempts}).`);
        await sleep(step.delayMs, this.waitSignalFor(options));
    }
    /**
     * The answer with the API key blanked out, before any of it is quoted in an
     * error: a server or proxy may echo the Authorization header back, and a
     * quote cut short could show part of the key, which no redaction would catch.
     */
    withoutKey(result) {
        const key = this.options.apiKey;
        if (key.length < 4)
            return result;
        const spellings = new Set([key, JSON.stringify(key).slice(1, -1), encodeURIComponent(key)]);
        let body = result.body;
        for (const spelling of spellings)
            body = body.split(spelling).join('***');
        return body === result.body ? result : { ...result, body };
    }
    /** Slows down before a 429 when the API says the window is used up. */
    notePacing(result) {
        if (header(result, 'x-ratelimit-remaining') !== '0')
            return;
        const reset = parseRateLimitReset(header(result, 'x-ratelimit-reset'), Date.now()) ?? 1_000;
        this.pauseUntil(Date.now() + Math.min(reset, 60_000));
    }
    pauseUntil(time) {
        this.pausedUntil = Math.max(this.pausedUntil, time);
    }
    /**
     * Waits until the rate-limit pause is over. When it ends after the deadline
     * nothing can be sent in time: fails at once instead of sleeping for nothing
     * (a clean-up call after a cancellation has seconds, not minutes).
     */
    async waitForRateLimitPause(call, options, announce) {
        const { log } = this.options;
        const now = Date.now;
        const wait = this.pausedUntil - now();
        if (wait <= 0)
            return;
        if (wait >= options.deadline.remaining()) {
            // A 429 like any other: nothing was sent, so nothing was accepted (a submission is not in doubt).
            throw new ApiError(`${call} was not sent: the API's rate limit allows the next request in ${Math.ceil(wait / 1000)}s, after the time left.`, call, 429, true);
        }
        if (announce)
            log.info(`The API's rate-limit window is used up; waiting ${Math.ceil(wait / 1000)}s before ${call}.`);
        // A timer may fire a little early by the wall clock: never send before the pause is over.
        for (let round = 0; round < 3 && now() < this.pausedUntil; round++) {
            await sleep(this.pausedUntil - now(), this.waitSignalFor(options));
        }
    }
    /** One attempt's time limit: the request timeout, or less when the call must leave time to be sent again. */
    attemptTimeout(options) {
        const { requestTimeoutMs } = this.options;
        if (options.attemptShare === undefined)
            return requestTimeoutMs;
        return Math.min(requestTimeoutMs, Math.ceil(options.deadline.remaining() * options.attemptShare));
    }
    signalFor(options) {
        return options.abortable ? this.options.signal : undefined;
    }
    waitSignalFor(options) {
        return options.abortWaits ? this.options.signal : undefined;
    }
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./src/core/links.ts


/**
 * The first symbolic link on the way from `root` down to `target` (`target`
 * itself included), or undefined. The step never creates links, so a link
 * there was put by someone else, and writing through it would land outside
 * the folder the user named. Only the part below `root` is looked at: the
 * runner's own folders above the workspace may be links.
 */
function linkOnTheWay(root, target) {
    const below = external_node_path_default().relative(root, target);
    if (below === '' || below.startsWith('..') || external_node_path_default().isAbsolute(below))
        return undefined;
    let current = root;
    for (const part of below.split((external_node_path_default()).sep)) {
        current = external_node_path_default().join(current, part);
        let isLink;
        try {
            isLink = (0,external_node_fs_namespaceObject.lstatSync)(current).isSymbolicLink();
        }
        catch {
            return undefined; // Missing: nothing below it exists yet, the step creates it.
        }
        if (isLink)
            return current;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/config/names.ts
/**
 * Every input, output and step-state name, declared once (as actions/cache does),
 * so no bare name string is spread over the code. The values are action.yml's names.
 */
const Input = {
    ApiKey: 'api-key',
    ApiUrl: 'api-url',
    AppId: 'app-id',
    AppName: 'app-name',
    Model: 'model',
    Inputs: 'inputs',
    InputsFile: 'inputs-file',
    Batch: 'batch',
    BatchFile: 'batch-file',
    MaxConcurrency: 'max-concurrency',
    MaxCredits: 'max-credits',
    FailFast: 'fail-fast',
    Wait: 'wait',
    JobId: 'job-id',
    Timeout: 'timeout',
    PollInterval: 'poll-interval',
    CancelOnTimeout: 'cancel-on-timeout',
    WebhookUrl: 'webhook-url',
    DryRun: 'dry-run',
    /** A completed job of the target stands in for each run: nothing is submitted or paid. */
    Rehearsal: 'rehearsal',
    DownloadDir: 'download-dir',
    UploadToRelease: 'upload-to-release',
    GithubToken: 'github-token',
    /** rerun, false, or a maximum age. */
    Reuse: 'reuse',
    Manifest: 'manifest',
    CommentOnPr: 'comment-on-pr',
    /** Tells apart the comments of steps that share workflow, job and step ids (matrix legs). */
    CommentKey: 'comment-key',
    AllowUntrustedTrigger: 'allow-untrusted-trigger',
};
const Output = {
    /** The single run's job: set the moment it is accepted. */
    JobId: 'job-id',
    /** Every job of the step, in item order. */
    JobIds: 'job-ids',
    Status: 'status',
    /** What this step caused to be charged (0 for a reused job); with job-id, the followed job's charge. */
    CreditsCharged: 'credits-charged',
    OutputUrl: 'output-url',
    OutputUrls: 'output-urls',
    /** The raw output object: an app's node_outputs, a model's output_data. */
    Outputs: 'outputs',
    ErrorMessage: 'error-message',
    AppId: 'app-id',
    AppName: 'app-name',
    Model: 'model',
    /** Downloaded files, workspace-relative. */
    Files: 'files',
    ReleaseAssets: 'release-assets',
    /** One entry per run, in item order. */
    Results: 'results',
    Reused: 'reused',
    /** `true` when a completed job stood in for each run (the `rehearsal` input). */
    Rehearsal: 'rehearsal',
    /** Path of the manifest file. */
    Manifest: 'manifest',
    /** Path of the sha256sum-format checksums of the downloaded files, beside the manifest. */
    Checksums: 'checksums',
};
/** What the main step leaves for the post step (`core.saveState`, read back as `STATE_<name>`). */
const State = {
    /**
     * Prefix of one entry per job this step started (`armox-job-<n>`): its id
     * while the step has not finished with it, empty once it has. One entry per
     * job, written twice at most, so the state grows with the batch, not with
     * the batch times its concurrency.
     */
    OpenJob: 'armox-job-',
    /**
     * Prefix of one entry per submission sent (`armox-submission-<n>`): its JSON
     * (see PendingSubmission) until it is answered, then empty. Its job may exist
     * without this step knowing its id.
     */
    PendingSubmission: 'armox-submission-',
    /** The target of the step's submissions (`{ kind, id }`), saved once rather than in every submission's entry. */
    SubmissionTarget: 'armox-target',
    ApiUrl: 'armox-api-url',
    /** Saved by the main step: the runner passes it to the post step only, which is how index.ts tells them apart. */
    IsPost: 'armox-is-post',
};

;// CONCATENATED MODULE: ./src/config/secrets.ts

/**
 * The secrets, read one way for everyone: the configuration uses them, and
 * the start-up masking hides exactly these values before anything is printed.
 */
function readSecrets(read, env) {
    return {
        apiKey: read(Input.ApiKey).trim() || (env.ARMOX_API_KEY ?? '').trim(),
        githubToken: read(Input.GithubToken).trim() || (env.GITHUB_TOKEN ?? '').trim(),
        webhookUrl: read(Input.WebhookUrl).trim(),
    };
}
/** The non-empty secret values, for masking and redaction. */
function secretValues(secrets) {
    const values = [secrets.apiKey, secrets.githubToken, secrets.webhookUrl];
    // The URL as the request sends it too (`new URL` may add a slash or lower the host).
    return [...new Set([...values, urlHref(secrets.webhookUrl)])].filter((value) => value.length > 0);
}
function urlHref(text) {
    try {
        return text ? new URL(text).href : '';
    }
    catch {
        return '';
    }
}

;// CONCATENATED MODULE: ./src/config/inputs.ts







/** Armox's public API, the `api-url` default. */
const DEFAULT_API_URL = 'https://armox.ai/api/v1';
/** Reads every input; `problems` gets one line per bad value, naming the input and the fix. */
function readInputs(read, env, workspace, problems) {
    const get = new InputParser(read, workspace, problems);
    const secrets = readSecrets(read, env);
    return {
        apiKey: secrets.apiKey,
        apiUrl: get.url(Input.ApiUrl, DEFAULT_API_URL, DEFAULT_API_URL),
        appId: get.text(Input.AppId),
        appName: get.text(Input.AppName),
        model: get.text(Input.Model),
        inputs: read(Input.Inputs),
        inputsFile: get.path(Input.InputsFile),
        batch: get.text(Input.Batch),
        batchFile: get.path(Input.BatchFile),
        maxConcurrency: get.count(Input.MaxConcurrency, 4, 1, 100),
        maxCredits: get.credits(Input.MaxCredits),
        failFast: get.boolean(Input.FailFast, false),
        wait: get.boolean(Input.Wait, true),
        jobId: get.text(Input.JobId),
        timeoutMs: get.duration(Input.Timeout, 30 * 60_000),
        pollIntervalMs: get.duration(Input.PollInterval, 10_000),
        cancelOnTimeout: get.boolean(Input.CancelOnTimeout, true),
        webhookUrl: get.url(Input.WebhookUrl, 'https://example.com/armox-webhook')?.href,
        dryRun: get.boolean(Input.DryRun, false),
        rehearsal: get.boolean(Input.Rehearsal, false),
        downloadDir: get.folderPath(Input.DownloadDir),
        uploadToRelease: get.release(Input.UploadToRelease),
        githubToken: secrets.githubToken || undefined,
        reuse: get.text(Input.Reuse) ?? 'rerun',
        manifest: get.filePath(Input.Manifest),
        commentOnPr: get.boolean(Input.CommentOnPr, false),
        commentKey: get.text(Input.CommentKey),
        allowUntrustedTrigger: get.boolean(Input.AllowUntrustedTrigger, false),
    };
}
/** Typed readers for one input each; a bad value adds a problem and yields the default. */
class InputParser {
    read;
    workspace;
    problems;
    constructor(read, workspace, problems) {
        this.read = read;
        this.workspace = workspace;
        this.problems = problems;
    }
    text(name) {
        return this.read(name).trim() || undefined;
    }
    /** A workspace-relative path, made absolute. */
    path(name) {
        const value = this.text(name);
        return value ? external_node_path_namespaceObject.resolve(this.workspace, value) : undefined;
    }
    /**
     * A path the action will write a file to, checked before anything is paid
     * for: not an existing folder, and its nearest existing parent a folder.
     * Paths outside the workspace are fine (`${{ runner.temp }}/manifest.json`).
     */
    /** A file the action will write: not a folder, and nothing in its way (checked before anything is paid for). */
    filePath(name) {
        const file = this.path(name);
        if (file === undefined)
            return undefined;
        const shown = printable(this.read(name).trim());
        if (kindOf(file) === 'directory') {
            this.problems.push(`${name}: "${shown}" is a folder; give the path of a file in it (e.g. ${shown}/manifest.json).`);
            return undefined;
        }
        return this.creatable(name, external_node_path_namespaceObject.dirname(file), shown) ? file : undefined;
    }
    /** A folder the action will create if needed: no file in the way (checked before anything is paid for). */
    folderPath(name) {
        const folder = this.path(name);
        if (folder === undefined)
            return undefined;
        return this.creatable(name, folder, printable(this.read(name).trim())) ? folder : undefined;
    }
    /** Whether `folder` exists as a folder or can be created: its nearest existing ancestor is a folder. */
    creatable(name, folder, shown) {
        const link = linkOnTheWay(this.workspace, folder);
        if (link) {
            this.problems.push(linkProblem(name, shown, external_node_path_namespaceObject.relative(this.workspace, link)));
            return false;
        }
        let existing = folder;
        while (kindOf(existing) === 'missing' && external_node_path_namespaceObject.dirname(existing) !== existing)
            existing = external_node_path_namespaceObject.dirname(existing);
        if (kindOf(existing) !== 'file')
            return true;
        const inWorkspace = existing.startsWith(this.workspace + external_node_path_namespaceObject.sep);
        this.problems.push(`${name}: "${shown}" cannot be written: ${inWorkspace ? external_node_path_namespaceObject.relative(this.workspace, existing) : existing} is a file, not a folder.`);
        return false;
    }
    /** The YAML 1.2 core-schema booleans, as `core.getBooleanInput` accepts them. */
    boolean(name, fallback) {
        const value = this.read(name).trim();
        if (value === '')
            return fallback;
        if (['true', 'True', 'TRUE'].includes(value))
            return true;
        if (['false', 'False', 'FALSE'].includes(value))
            return false;
        this.problems.push(`${name}: "${printable(value)}" is not a boolean (use true or false).`);
        return fallback;
    }
    duration(name, fallback) {
        const value = this.read(name).trim();
        if (value === '')
            return fallback;
        const ms = parseDuration(value);
        const problem = ms === undefined
            ? 'is not a duration (use 600, 90s, 15m or 1h30m)'
            : ms <= 0
                ? 'must be longer than zero'
                : ms > MAX_DURATION_MS
                    ? 'is too long (at most 24 days)'
                    : undefined;
        if (problem === undefined)
            return ms;
        this.problems.push(`${name}: "${printable(value)}" ${problem}.`);
        return fallback;
    }
    count(name, fallback, min, max) {
        const value = this.read(name).trim();
        if (value === '')
            return fallback;
        const n = /^\d+$/.test(value) ? Number(value) : NaN;
        if (n >= min && n <= max)
            return n;
        this.problems.push(`${name}: "${printable(value)}" must be a whole number from ${min} to ${max}.`);
        return fallback;
    }
    credits(name) {
        const value = this.read(name).trim();
        if (value === '')
            return undefined;
        if (/^\d+(\.\d+)?$/.test(value))
            return Number(value);
        this.problems.push(`${name}: "${printable(value)}" is not a number of credits (e.g. 2000).`);
        return undefined;
    }
    /** An http(s) URL; `example` shows the expected form in the problem. */
    url(name, example, fallback) {
        const value = this.read(name).trim() || fallback;
        if (value === undefined)
            return undefined;
        let url;
        try {
            url = new URL(value);
        }
        catch {
            this.problems.push(`${name}: "${printable(value)}" is not a URL (expected something like ${example}).`);
            return undefined;
        }
        if (!isHttpUrl(url.href)) {
            this.problems.push(`${name}: "${printable(value)}" must be an http(s) URL, not ${url.protocol}.`);
            return undefined;
        }
        return url;
    }
    release(name) {
        const value = this.read(name).trim();
        if (value === '' || value.toLowerCase() === 'false')
            return undefined;
        return value.toLowerCase() === 'true' ? true : value;
    }
}
/** What is at `file`: a folder, something else, or nothing (or nothing readable). */
function kindOf(file) {
    try {
        return (0,external_node_fs_namespaceObject.statSync)(file).isDirectory() ? 'directory' : 'file';
    }
    catch {
        return 'missing';
    }
}
/** A symbolic link where the step would write: refused, so files land only where the user said. */
function linkProblem(name, shown, link) {
    return (`${name}: "${shown}" cannot be written: ${link} is a symbolic link, and the action does not write through ` +
        'a link it did not create (it could lead outside the workspace). Remove the link or choose another path.');
}

;// CONCATENATED MODULE: ./src/core/github-answer.ts
/**
 * GitHub's answers read the way its REST documentation asks: what a failed
 * call means (a rate limit to wait for, a permission the token lacks, a
 * leftover in the way, a transient failure), and GitHub's own message.
 */



/** GitHub asks for at least a minute before retrying a secondary rate limit that names no time. */
const SECONDARY_LIMIT_WAIT_MS = 60_000;
/** GitHub refused a call because the token may not make it (a 403 that is not a rate limit). */
class GitHubPermissionError extends ActionError {
}
/** A GitHub call that failed, with the diagnosis of its answer. */
class GitHubCallError extends Error {
    answer;
    problem;
    constructor(answer, problem) {
        super(answer.failure ?? githubMessage({ status: answer.status, response: { data: answer.data } }));
        this.answer = answer;
        this.problem = problem;
    }
    static from(answer) {
        return new GitHubCallError(answer, diagnose(answer));
    }
}
/**
 * Reads GitHub's answer the way its REST documentation asks: a 403 or 429
 * with `retry-after`, or with `x-ratelimit-remaining: 0`, or whose message
 * says "rate limit", is a rate limit (wait, then retry), not a permission
 * problem. Only a 403 without those signs means the token may not do this.
 */
function diagnose(answer, now = Date.now()) {
    const { status } = answer;
    if (status === undefined)
        return { kind: 'transient' };
    const message = githubMessage({ status, response: { data: answer.data } });
    const header = (name) => {
        const value = answer.headers[name];
        return typeof value === 'string' ? value : Array.isArray(value) ? String(value[0]) : undefined;
    };
    const retryAfter = parseRetryAfter(header('retry-after'), now);
    const exhausted = header('x-ratelimit-remaining') === '0';
    if (status === 403 || status === 429) {
        if (retryAfter !== undefined)
            return { kind: 'rate-limit', waitMs: retryAfter, secondary: !exhausted };
        if (exhausted) {
            const reset = parseRateLimitReset(header('x-ratelimit-reset'), now);
            return { kind: 'rate-limit', waitMs: reset ?? SECONDARY_LIMIT_WAIT_MS, secondary: false };
        }
        if (status === 429 || /rate limit/i.test(message))
            return { kind: 'rate-limit', waitMs: SECONDARY_LIMIT_WAIT_MS, secondary: true };
    }
    if (status === 401)
        return { kind: 'auth' };
    // Without the signs of a rate limit, a 403 means the token may not do this.
    if (status === 403 || isPermissionError({ status, response: { data: answer.data } }))
        return { kind: 'permission' };
    if (status === 404)
        return { kind: 'not-found' };
    if (status === 422 && JSON.stringify(answer.data ?? '').includes('already_exists'))
        return { kind: 'exists' };
    if (status === 408 || status >= 500)
        return { kind: 'transient', waitMs: retryAfter };
    return { kind: 'other' };
}
/** An Octokit RequestError as a diagnosed GitHub answer. */
function octokitProblem(error) {
    if (!isObject(error) || typeof error.status !== 'number')
        return error;
    const response = isObject(error.response) ? error.response : undefined;
    if (!response)
        return GitHubCallError.from({ headers: {}, data: undefined, failure: errorMessage(error) });
    const headers = isObject(response.headers) ? response.headers : {};
    return GitHubCallError.from({ status: error.status, headers, data: response.data });
}
function isPermissionError(error) {
    const status = statusOf(error);
    return ((status === 403 || status === 404) &&
        /resource not accessible by (integration|personal access token)/i.test(githubMessage(error)));
}
function statusOf(error) {
    return isObject(error) && typeof error.status === 'number' ? error.status : undefined;
}
function responseData(error) {
    return isObject(error) && isObject(error.response) ? error.response.data : undefined;
}
/** GitHub's own `message`, rather than Octokit's text (which appends the documentation URL). */
function githubMessage(error) {
    const data = responseData(error);
    if (isObject(data) && typeof data.message === 'string')
        return data.message;
    if (typeof data === 'string' && data.trim())
        return clip(data.trim(), 300);
    return errorMessage(error);
}

;// CONCATENATED MODULE: ./src/core/github-failure.ts
/**
 * What a failed GitHub call says: whether and when it is tried again, what is
 * logged before each retry, and the error once the attempts are spent (naming
 * what the call was for, and what to do).
 */



function verdictFor(error, hints) {
    if (!(error instanceof GitHubCallError))
        return { retry: false };
    const { problem } = error;
    if (problem.kind === 'rate-limit')
        return { retry: true, waitMs: problem.waitMs };
    // A leftover from a failed attempt: the next attempt clears it first.
    if (problem.kind === 'exists' && hints.inTheWay)
        return { retry: true, waitMs: 0 };
    if (problem.kind === 'transient')
        return { retry: true, waitMs: problem.waitMs };
    return { retry: false };
}
function retryNote(error, delayMs, hints) {
    const wait = formatDuration(delayMs);
    if (error instanceof GitHubCallError && error.problem.kind === 'rate-limit') {
        return `${rateLimitText(error)}; waiting ${wait} (until ${clockTime(Date.now() + delayMs)}) before trying again`;
    }
    if (error instanceof GitHubCallError && error.problem.kind === 'exists' && hints.inTheWay) {
        return hints.inTheWay.retrying;
    }
    return `${answerText(error)}; retrying in ${wait}`;
}
/** The error a GitHub call fails with once no further attempt is made. */
function githubFailure(action, error, why, tries, hints) {
    if (error instanceof CancelledError)
        return new CancelledError(`The workflow was cancelled while trying to ${action}.`);
    if (error instanceof TimeoutError)
        return new TimeoutError(`The timeout ran out while trying to ${action}.`);
    if (!(error instanceof GitHubCallError))
        return error;
    const after = tries > 1 ? ` (after ${tries} attempts)` : '';
    const { problem } = error;
    if (problem.kind === 'rate-limit') {
        const clears = Date.now() + problem.waitMs;
        const when = why === 'deadline'
            ? ', after the time left (timeout)'
            : why === 'too-long'
                ? ', later than the action waits'
                : `${after}`;
        return new ActionError(`Could not ${action}: ${rateLimitText(error)}. It clears in ${formatDuration(problem.waitMs)} ` +
            `(at ${clockTime(clears)})${when}. This is not a permission problem: run again after that.`);
    }
    if (why === 'deadline') {
        return new TimeoutError(`The timeout ran out while trying to ${action}: ${answerText(error)}${after}.`);
    }
    if (problem.kind === 'permission') {
        const hint = hints.permission ? ` ${hints.permission}` : '';
        return new GitHubPermissionError(`Could not ${action}: ${answerText(error)}.${hint}`);
    }
    if (problem.kind === 'auth') {
        return new InputError(`Could not ${action}: GitHub refused github-token (${error.answer.status} ${error.message}).`);
    }
    if (problem.kind === 'not-found' && hints.notFound) {
        return new ActionError(`Could not ${action}: ${answerText(error)}: ${hints.notFound}`);
    }
    if (problem.kind === 'exists' && hints.inTheWay) {
        return new ActionError(`Could not ${action}: ${hints.inTheWay.gaveUp(tries)}`);
    }
    return new ActionError(`Could not ${action}: ${answerText(error)}${after}.`);
}
function rateLimitText(error) {
    const kind = error.problem.kind === 'rate-limit' && error.problem.secondary ? 'secondary rate limit' : 'rate limit';
    return `GitHub's ${kind} was hit (${answerText(error, false)})`;
}
/** `GitHub answered 404 "Not Found"`, or the network failure when nothing answered. */
function answerText(error, prefix = true) {
    if (!(error instanceof GitHubCallError))
        return errorMessage(error);
    const { status, failure } = error.answer;
    if (status === undefined)
        return failure ?? error.message;
    return `${prefix ? 'GitHub answered ' : ''}${status} ${JSON.stringify(error.message)}`;
}
/** `14:05:09 UTC`: when a rate limit clears, as the runner's log (UTC) shows time. */
function clockTime(ms) {
    return `${new Date(ms).toISOString().slice(11, 19)} UTC`;
}

;// CONCATENATED MODULE: ./src/core/github-api.ts









/**
 * For a lookup that decides what the step does before paying (a permission, the run's start):
 * a few quick attempts, and no long wait for a rate limit.
 */
const LOOKUP_CALLS = { attempts: 3, requestTimeoutMs: 15_000, maxRateLimitWaitMs: 60_000 };
/**
 * The items of a GitHub list, page after page (each page one bounded,
 * retried call: Octokit's paginate drops the request's signal). With `wanted`,
 * only matching items, and no page after the first that has one.
 */
async function everyPage(github, action, page, wanted) {
    const items = [];
    for (let number = 1;; number++) {
        const { data, headers } = await github.call(action, (request) => page(number, request));
        const kept = wanted ? data.filter(wanted) : data;
        items.push(...kept);
        if ((wanted && kept.length > 0) || !/rel="next"/.test(headers.link ?? ''))
            return items;
    }
}
/**
 * GitHub calls made through Octokit or the upload exchange, each bounded by
 * `requestTimeoutMs` and the deadline, retried on transient failures and rate
 * limits, and turned into errors that say what to do.
 */
class GitHubCalls {
    octokit;
    options;
    hints;
    constructor(octokit, options, hints = {}) {
        this.octokit = octokit;
        this.options = options;
        this.hints = hints;
    }
    /**
     * One Octokit call (`send` gets the `request` options to pass), retried and
     * bounded. With `ifMissing`, a 404 resolves to its value instead of failing.
     */
    call(action, send, ifMissing) {
        return this.retrying(action, async () => {
            try {
                return await this.bounded(send);
            }
            catch (error) {
                if (ifMissing && error instanceof GitHubCallError && error.problem.kind === 'not-found')
                    return ifMissing();
                throw error;
            }
        });
    }
    /** Runs `attempt` with the retry rules for GitHub: transient failures, rate limits, an `already_exists` leftover. */
    retrying(action, attempt) {
        const { options } = this;
        const attempts = options.attempts ?? 4;
        return retry(attempt, {
            attempts,
            baseMs: options.retryBaseMs ?? 1_000,
            maxMs: options.retryMaxMs ?? 30_000,
            random: options.random,
            deadline: options.deadline,
            maxWaitMs: options.maxRateLimitWaitMs ?? 15 * 60_000,
            signal: options.signal,
            judge: (error) => verdictFor(error, this.hints),
            onRetry: (error, delayMs, next) => options.log?.info(`Could not ${action}: ${retryNote(error, delayMs, this.hints)} (attempt ${next} of ${attempts}).`),
            giveUp: (error, why, tries) => githubFailure(action, error, why, tries, this.hints),
        });
    }
    /** `send` with a signal that ends it at the request timeout, the deadline or a cancellation. */
    async bounded(send) {
        const { deadline, signal } = this.options;
        const limit = this.options.requestTimeoutMs ?? 60_000;
        const left = deadline?.remaining() ?? Infinity;
        if (left <= 0)
            throw new TransportError('the timeout ran out', 'deadline');
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(left <= limit
            ? new TransportError('the timeout ran out', 'deadline')
            : new TransportError(`no answer within ${formatDuration(limit)}`, 'timeout')), Math.min(left, limit));
        const onCancel = () => controller.abort(signal ? abortReason(signal) : undefined);
        if (signal?.aborted)
            onCancel();
        else
            signal?.addEventListener('abort', onCancel, { once: true });
        try {
            return await send({ signal: controller.signal });
        }
        catch (error) {
            throw transportProblem(controller.signal.aborted ? controller.signal.reason : octokitProblem(error));
        }
        finally {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onCancel);
        }
    }
}
/** Failures without a GitHub answer: the deadline, a cancellation, the network, the file on disk. */
function transportProblem(error) {
    if (!(error instanceof TransportError))
        return error;
    if (error.kind === 'deadline')
        return new TimeoutError(error.message);
    if (error.kind === 'source')
        return new ActionError(error.message);
    return GitHubCallError.from({ headers: {}, data: undefined, failure: error.message });
}
/** GITHUB_REPOSITORY (`owner/repo`) in its two parts, or undefined when it is not that. */
function splitRepository(repository) {
    const match = /^([^/\s]+)\/([^/\s]+)$/.exec(repository ?? '');
    return match ? { owner: match[1], repo: match[2] } : undefined;
}
/** Octokit, loaded only when a GitHub call is to be made (it is a large part of the bundle). */
async function connect(token, apiUrl, log, userAgent = USER_AGENT) {
    await (0,undici_on_demand.loadUndici)();
    const { getOctokit } = await __nccwpck_require__.e(/* import() */ 413).then(__nccwpck_require__.bind(__nccwpck_require__, 2413));
    const quiet = () => undefined;
    return getOctokit(token, {
        baseUrl: apiUrl.replace(/\/+$/, ''),
        userAgent,
        log: {
            debug: log ? (message) => log.debug(message) : quiet,
            info: log ? (message) => log.debug(message) : quiet,
            warn: log ? (message) => log.warning(message) : quiet,
            error: log ? (message) => log.warning(message) : quiet,
        },
    });
}

;// CONCATENATED MODULE: ./src/request/workflow-run.ts
/**
 * When this workflow run began, from GitHub's REST API: `reuse: rerun` adopts
 * only jobs created since then (a re-run keeps its run's `created_at`).
 */


const PERMISSION = 'Give the job `permissions: actions: read` (next to any other permissions it has) and pass `github-token: ${{ github.token }}`.';
/**
 * When this workflow run began (its `created_at`), in ms since the epoch, from
 * `GET /repos/{owner}/{repo}/actions/runs/{run_id}`. Throws an ActionError that
 * names the permission to add when it cannot be read.
 */
async function workflowRunStartedAt(options) {
    const what = 'reuse: rerun cannot read when this workflow run began';
    if (!options.token)
        throw new ActionError(`${what}: github-token is empty. ${PERMISSION}`);
    const repository = splitRepository(options.repository);
    if (!repository || !/^\d+$/.test(options.runId ?? '')) {
        throw new ActionError(`${what}: GITHUB_REPOSITORY or GITHUB_RUN_ID is not set (is this running on GitHub Actions?).`);
    }
    try {
        const octokit = await connect(options.token, options.apiUrl, options.log);
        const github = new GitHubCalls(octokit, {
            signal: options.signal,
            deadline: options.deadline,
            log: options.log,
            // A re-run that cannot reuse is charged as usual: not worth a long wait.
            ...LOOKUP_CALLS,
            ...options.calls,
        }, 
        // A token that may not read the repository's runs gets a 404 as often as a 403.
        { permission: PERMISSION, notFound: PERMISSION });
        const { data } = await github.call(`read workflow run ${options.runId}`, (request) => octokit.rest.actions.getWorkflowRun({ ...repository, run_id: Number(options.runId), request }));
        const time = Date.parse(data.created_at);
        if (Number.isNaN(time))
            throw new ActionError(`GitHub's answer has no created_at.`);
        return time;
    }
    catch (error) {
        if (error instanceof CancelledError)
            throw error;
        const reason = errorMessage(error);
        throw new ActionError(`${what}: ${reason[0].toLowerCase()}${reason.slice(1)}`);
    }
}

;// CONCATENATED MODULE: ./src/request/reuse.ts







const DAY_MS = 86_400_000;
/**
 * Reads the `reuse` input: `rerun` (the default, also when empty), `false`, or a
 * maximum age with a unit (`30m`, `12h`, `7d`, `1d12h`, `90s`). Returns the
 * problem, naming the input, when the text is none of these.
 */
function parseReuse(text) {
    const value = text.trim().toLowerCase();
    if (value === '' || value === 'rerun')
        return { mode: 'rerun' };
    if (value === 'false')
        return { mode: 'off' };
    const maxAgeMs = parseMaxAge(value);
    if (maxAgeMs === undefined || maxAgeMs <= 0) {
        return (`reuse: "${printable(text)}" is not a reuse setting: use rerun (reuse a job of an earlier attempt of this ` +
            'workflow run), false (always submit), or a maximum age such as 30m, 12h or 7d.');
    }
    return { mode: 'max-age', maxAgeMs };
}
/** `7d`, `1d12h`, `12h`, `90s`: a unit is required (a bare number would be ambiguous here). */
function parseMaxAge(value) {
    const match = /^(?:(\d+)d)?(.*)$/.exec(value);
    const days = match?.[1];
    const rest = match?.[2] ?? '';
    if (/^[\d.]+$/.test(rest))
        return undefined;
    if (rest === '')
        return days === undefined ? undefined : Number(days) * DAY_MS;
    const ms = parseDuration(rest);
    return ms === undefined ? undefined : Number(days ?? 0) * DAY_MS + ms;
}
/**
 * Since when (ms since the epoch) a job may be reused, or undefined when this
 * step must not reuse at all: `false`, or `rerun` on a first attempt, or
 * `rerun` when the run's start cannot be read (warned, with the permission to
 * add; the run is then submitted as usual).
 */
async function reuseSince(policy, options) {
    if (policy.mode === 'off')
        return undefined;
    if (policy.mode === 'max-age')
        return (options.now ?? Date.now()) - policy.maxAgeMs;
    if (isFirstAttempt(options.runAttempt))
        return undefined;
    try {
        return await workflowRunStartedAt(options);
    }
    catch (error) {
        if (error instanceof CancelledError)
            throw error;
        options.log.warning(`${errorMessage(error)} Submitting as usual (this run will be charged).`);
        return undefined;
    }
}
function isFirstAttempt(runAttempt) {
    const attempt = Number(runAttempt);
    return !Number.isInteger(attempt) || attempt < 2;
}
/** Why `reuseSince` gave no window, for the log: `reuse: rerun: first attempt of this workflow run, nothing to reuse`. */
function describeNoWindow(policy, runAttempt) {
    if (policy.mode === 'off')
        return 'reuse: false: no earlier job is reused';
    if (policy.mode === 'rerun' && isFirstAttempt(runAttempt)) {
        return 'reuse: rerun: first attempt of this workflow run, nothing to reuse';
    }
    return 'reuse: rerun: when this workflow run began could not be read (see the warning), so nothing is reused';
}
/** `reuse` as the log says it: `completed jobs at most 7d old (created since 2026-11-21T10:00:00.000Z)`. */
function describeWindow(policy, sinceMs) {
    const since = new Date(sinceMs).toISOString();
    return policy.mode === 'max-age'
        ? `completed jobs at most ${formatMaxAge(policy.maxAgeMs)} old (created since ${since})`
        : `completed jobs created since this workflow run began (${since})`;
}
/** A maximum age as `reuse` takes it: `7d`, `1d12h`, `30m` (the inverse of parseMaxAge). */
function formatMaxAge(ms) {
    const days = Math.floor(ms / DAY_MS);
    const rest = ms - days * DAY_MS;
    if (days === 0)
        return formatDuration(rest);
    return rest === 0 ? `${days}d` : `${days}d${formatDuration(rest)}`;
}
/**
 * The jobs (from `GET /jobs`) that could stand in for `request`, most recent
 * first: completed, of the same app or model, created at or after `sinceMs`,
 * whose inputs as sent are the same data (same keys and values, list order
 * kept). Their files are not checked here: see `pickReusableJob`.
 */
function findReusableJob(jobs, target, request, sinceMs) {
    const wanted = canonicalJson(request.inputs);
    return jobs
        .map((job) => ({ job, created: Date.parse(job.created_at ?? '') }))
        .filter(({ job, created }) => job.status === 'completed' &&
        created >= sinceMs &&
        target.ownsJob(job) &&
        canonicalJson(target.jobInputs(job)) === wanted)
        .sort((a, b) => b.created - a.created)
        .map(({ job }) => job);
}
/** Statuses by which a storage host refuses HEAD while it may still serve GET. */
const HEAD_REFUSED = new Set([403, 405, 501]);
const MAX_REDIRECTS = 5;
/**
 * Whether every file still answers: a `HEAD`, or a ranged `GET` of one byte
 * when HEAD is refused. These are public storage URLs on another host: no API
 * key is sent. Redirects are followed; a transient failure is tried once more.
 */
async function checkOutputsAnswer(urls, options) {
    for (const url of urls) {
        let result = await checkOne(url, options);
        if (!result.ok && result.transient && !options.deadline.expired) {
            await sleep(Math.min(options.retryDelayMs ?? 500, options.deadline.remaining()), options.signal);
            result = await checkOne(url, options);
        }
        if (!result.ok)
            return { ok: false, reason: `${printable(url, 120)} ${result.reason}` };
        options.log.debug(`reuse: ${printable(url, 120)} still answers.`);
    }
    return { ok: true };
}
async function checkOne(start, options) {
    let url = start;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
        let answer = await probe('HEAD', url, options);
        if ('status' in answer && HEAD_REFUSED.has(answer.status))
            answer = await probe('GET', url, options);
        if (!('status' in answer))
            return answer;
        const { status, location } = answer;
        // 416: a ranged GET of an empty file; the file is there.
        if ((status >= 200 && status < 300) || status === 416)
            return { ok: true };
        if (status >= 300 && status < 400) {
            if (!location)
                return { ok: false, reason: `answered ${status} without a Location`, transient: false };
            url = new URL(location, url).href;
            continue;
        }
        return { ok: false, reason: `answered ${status}`, transient: status >= 500 || status === 429 || status === 408 };
    }
    return { ok: false, reason: `was redirected more than ${MAX_REDIRECTS} times`, transient: false };
}
async function probe(method, url, options) {
    const timeoutMs = Math.min(options.requestTimeoutMs ?? 15_000, options.deadline.remaining());
    if (timeoutMs <= 0)
        return { ok: false, reason: 'was not checked: the timeout ran out', transient: false };
    try {
        const answer = await sendRequest(method, url, null, {
            timeoutMs,
            // HEAD has no body, whatever Content-Length says; a GET that ignores the range is caught below.
            maxBodyBytes: method === 'HEAD' ? Number.MAX_SAFE_INTEGER : 64 * 1024,
            userAgent: USER_AGENT,
            signal: options.signal,
            headers: method === 'GET' ? { Range: 'bytes=0-0' } : {},
        });
        const location = answer.headers.location;
        return { status: answer.status, location: Array.isArray(location) ? location[0] : location };
    }
    catch (error) {
        if (error instanceof CancelledError)
            throw error;
        // The host ignored the range and sent the whole file: it answers.
        if (error instanceof TransportError && error.kind === 'too-large')
            return { status: 200 };
        return { ok: false, reason: `did not answer (${errorMessage(error)})`, transient: true };
    }
}
/** A line about one run: `hero: reusing job …` for a batch item (label `hero: `), `Reusing job …` for a single run. */
function labelled(label, text) {
    return label ? label + text : text[0].toUpperCase() + text.slice(1);
}
/**
 * The most recent candidate (from `findReusableJob`) whose files all still
 * answer, or undefined: then the run is submitted. Each candidate passed over
 * is logged with why.
 */
async function pickReusableJob(candidates, options) {
    const open = candidates.filter((job) => !options.claimed?.has(job.id));
    for (const job of open.slice(0, options.maxChecks ?? 3)) {
        const check = await checkOutputsAnswer(options.outputUrls(job), options);
        if (check.ok) {
            options.claimed?.add(job.id);
            return job;
        }
        const created = job.created_at ?? 'at an unknown time';
        options.log.info(labelled(options.label, `not reusing job ${job.id} (created ${created}): ${check.reason}.`));
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/deliver/file-names.ts
/**
 * Local file names for downloaded outputs. The names come from URLs the action
 * does not control, so they are made safe to write anywhere (Linux, macOS,
 * Windows runners) and to paste into a shell script: no path separators, no
 * hidden or relative names, no control or invisible characters, bounded length.
 */
/** Longest name, in UTF-8 bytes (file systems allow 255; room is left for temp-file affixes). */
const MAX_NAME_BYTES = 120;
/** Used when nothing usable is left of the URL's last segment. */
const FALLBACK_NAME = 'output';
/** An extension is a short ASCII suffix: `.png`, `.mp4`, `.json`. */
const EXTENSION = /\.[A-Za-z0-9]{1,12}$/;
const EXTENSIONS_BY_TYPE = {
    'image/png': '.png',
    'image/jpeg': '.jpg',
    'image/jpg': '.jpg',
    'image/gif': '.gif',
    'image/webp': '.webp',
    'image/avif': '.avif',
    'image/bmp': '.bmp',
    'image/svg+xml': '.svg',
    'image/tiff': '.tiff',
    'video/mp4': '.mp4',
    'video/webm': '.webm',
    'video/quicktime': '.mov',
    'video/x-matroska': '.mkv',
    'audio/mpeg': '.mp3',
    'audio/mp3': '.mp3',
    'audio/wav': '.wav',
    'audio/x-wav': '.wav',
    'audio/wave': '.wav',
    'audio/ogg': '.ogg',
    'audio/aac': '.aac',
    'audio/flac': '.flac',
    'audio/mp4': '.m4a',
    'audio/webm': '.weba',
    'text/plain': '.txt',
    'text/html': '.html',
    'text/csv': '.csv',
    'text/markdown': '.md',
    'application/json': '.json',
    'application/pdf': '.pdf',
    'application/zip': '.zip',
    'model/gltf-binary': '.glb',
};
/** The reverse direction, for uploads: the first extension listed for a type wins. */
const TYPES_BY_EXTENSION = {};
for (const [type, extension] of Object.entries(EXTENSIONS_BY_TYPE))
    TYPES_BY_EXTENSION[extension] ??= type;
TYPES_BY_EXTENSION['.jpeg'] = 'image/jpeg';
TYPES_BY_EXTENSION['.htm'] = 'text/html';
/** `.png` for `image/png; charset=binary`; undefined for unknown or missing types. */
function extensionForContentType(contentType) {
    const type = contentType?.split(';')[0]?.trim().toLowerCase();
    return type ? EXTENSIONS_BY_TYPE[type] : undefined;
}
/** The media type for a file name, `application/octet-stream` when unknown. */
function contentTypeForName(name) {
    const extension = EXTENSION.exec(name)?.[0].toLowerCase();
    return (extension && TYPES_BY_EXTENSION[extension]) || 'application/octet-stream';
}
function hasExtension(name) {
    return EXTENSION.test(name);
}
/**
 * A safe, unique file name for `url`: its last path segment, decoded and
 * cleaned, with an extension from `contentType` when it has none. The result
 * is added to `taken`, which holds lower-cased names (file systems on macOS
 * and Windows ignore case).
 */
function safeFileName(url, contentType, taken) {
    const name = sanitizeFileName(decodeLoosely(lastPathSegment(url)));
    const extension = EXTENSION.exec(name)?.[0];
    if (extension)
        return claimUnique(name.slice(0, -extension.length), extension, taken);
    return claimUnique(name, extensionForContentType(contentType) ?? '', taken);
}
/**
 * `name` (already claimed in `taken`) with the extension for `contentType`
 * added, when it has none and the type is known; otherwise `name` unchanged.
 * Used once a download's response reveals its type. Base names stay claimed,
 * and a candidate whose base is claimed by another file is skipped (`photo-2.png`
 * while `photo-2` is taken), so two files can never race for the same name and
 * the outcome does not depend on which download answers first.
 */
function addExtension(name, contentType, taken) {
    const extension = extensionForContentType(contentType);
    if (!extension || hasExtension(name))
        return name;
    return claimUnique(name, extension, taken, true);
}
/** Claims `name` in `taken`, or the first free `stem-2.ext`, `stem-3.ext`… */
function claimUniqueName(name, taken) {
    const extension = EXTENSION.exec(name)?.[0] ?? '';
    return claimUnique(name.slice(0, name.length - extension.length), extension, taken);
}
/** The last non-empty path segment, without query or fragment; still percent-encoded. */
function lastPathSegment(url) {
    let pathname;
    try {
        pathname = new URL(url).pathname;
    }
    catch {
        pathname = url.replace(/[?#].*$/s, '');
    }
    const segments = pathname.split('/').filter((segment) => segment !== '');
    return segments[segments.length - 1] ?? '';
}
/** Percent-decodes what decodes; a malformed `%` sequence is kept as written. */
function decodeLoosely(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text.replace(/(%[0-9A-Fa-f]{2})+/g, (run) => {
            try {
                return decodeURIComponent(run);
            }
            catch {
                return run;
            }
        });
    }
}
/* eslint-disable no-control-regex */
/** Characters replaced by `_`: separators, controls, what Windows forbids, and shell metacharacters. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029/\\<>:"|?*$`'!;&]/g;
/** Invisible format characters (bidi overrides such as U+202E, zero-width spaces, BOM), removed; ZWNJ/ZWJ are kept for the scripts that need them. */
const INVISIBLE = /(?![\u200c\u200d])\p{Cf}/gu;
/** A UTF-16 half without its other half (cannot be written as UTF-8). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/* eslint-enable no-control-regex */
/** Device names Windows reserves whatever the extension (`CON.png` cannot be created). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)\s*(\.|$)/i;
/** True for a name Windows cannot create as a file or folder (`CON`, `nul.txt`, `Com1.png`). */
function isWindowsReservedName(name) {
    return WINDOWS_RESERVED.test(name);
}
/** One path segment made safe as a file name; never empty. */
function sanitizeFileName(raw) {
    let name = raw
        .normalize('NFC')
        .replace(LONE_SURROGATE, '_')
        .replace(INVISIBLE, '')
        .replace(UNSAFE, '_')
        .replace(/\s/g, (c) => (c === ' ' ? c : ' '));
    // Leading dots make a name hidden or relative (`..`); trailing dots and spaces vanish on Windows.
    name = name.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
    // A name starting with `-` reads as an option to most commands.
    name = name.replace(/^-/, '_');
    if (WINDOWS_RESERVED.test(name))
        name = `_${name}`;
    if (name === '')
        name = FALLBACK_NAME;
    const extension = EXTENSION.exec(name)?.[0] ?? '';
    return fitLength(name.slice(0, name.length - extension.length), extension);
}
/** `stem + extension`, the stem shortened (by whole characters) to fit MAX_NAME_BYTES. */
function fitLength(stem, extension, suffix = '') {
    const budget = MAX_NAME_BYTES - utf8Length(extension) - utf8Length(suffix);
    let kept = '';
    let bytes = 0;
    for (const char of stem) {
        bytes += utf8Length(char);
        if (bytes > budget)
            break;
        kept += char;
    }
    if (kept.length < stem.length)
        kept = kept.replace(/[\s.]+$/, '');
    return `${kept || FALLBACK_NAME}${suffix}${extension}`;
}
/**
 * Claims `stem + extension`, or the first free `stem-2.ext`, `stem-3.ext`…
 * With `skipClaimedStems`, a numbered candidate whose extension-less form is
 * claimed is skipped too (see addExtension).
 */
function claimUnique(stem, extension, taken, skipClaimedStems = false) {
    const isFree = (name) => !taken.has(name.toLowerCase());
    let candidate = fitLength(stem, extension);
    for (let n = 2; !isFree(candidate); n++) {
        const numbered = fitLength(stem, extension, `-${n}`);
        const stemClaimed = skipClaimedStems && !isFree(numbered.slice(0, numbered.length - extension.length));
        if (!stemClaimed)
            candidate = numbered;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
}
function utf8Length(text) {
    return Buffer.byteLength(text, 'utf8');
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
;// CONCATENATED MODULE: ./src/request/yaml-input.ts
/**
 * The YAML/JSON documents users write (`inputs`, `inputs-file`, a batch, a
 * line of a JSON Lines file), read with every mapping key kept as written:
 * YAML reads the key `001` as the number 1 and `1.50` as 1.5, and neither an
 * item's name nor an input's may change on the way. Hostile documents (alias
 * bombs, deep nesting, huge text, several documents) are refused with the reason.
 */



/** The most text `inputs`, `batch` or their files may hold: prompts are long, but not megabytes. */
const MAX_INPUTS_BYTES = 1024 * 1024;
/** Aliases are convenient in a mapping of prompts; thousands of them are an alias bomb. */
const MAX_ALIAS_COUNT = 100;
/**
 * One YAML or JSON document as data, or undefined when it is empty (or only
 * `null`, `~` or a comment). Mappings below the top level become Maps with
 * string keys as written; a key written twice in one of them is in `problems`
 * (the top level's keys are the caller's to check: input names, item names).
 * Syntax errors, and the hostile documents above, are thrown as InputErrors.
 */
function parseYaml(origin, text) {
    const name = describeOrigin(origin);
    refuseHugeText(name, text);
    if (text.trim() === '')
        return { problems: [] };
    const lines = new dist/* LineCounter */.HN();
    const document = readDocument(origin, text, lines);
    const top = document?.contents;
    if (!document || !top || ((0,dist/* isScalar */.jn)(top) && (top.value === null || top.value === '')))
        return { problems: [] };
    const lineOf = (node) => lines.linePos(node.range?.[0] ?? 0).line + (origin.line ?? 1) - 1;
    let problems;
    try {
        problems = keepKeysAsWritten(document, name, lineOf);
    }
    catch (error) {
        if (error instanceof RangeError)
            throw new InputError(`${name} is nested too deeply to be read.`);
        throw error;
    }
    if ((0,dist/* isMap */.jh)(top))
        return { root: mappingRoot(document, top, name, lineOf), problems };
    if ((0,dist/* isSeq */.oP)(top))
        return { root: { kind: 'list', items: toData(document, name, top.items) }, problems };
    return { root: { kind: 'value', value: toData(document, name, [top])[0] }, problems };
}
/** The top-level mapping: its keys as written (each a name), its values as data. */
function mappingRoot(document, map, name, lineOf) {
    const values = toData(document, name, map.items.map((pair) => pair.value ?? new dist/* Scalar */.X5(null)));
    const entries = map.items.map(({ key }, index) => {
        const node = key;
        const written = node ? keyAsWritten(node) : undefined;
        if (written === undefined) {
            const what = !node ? 'null' : (0,dist/* isAlias */.Vj)(node) ? 'an alias' : describeValue(toData(document, name, [node])[0]);
            throw new InputError(`${name} has a key that is not a name (${what}): write each key as an input's label or id (in a batch, an item's name).`);
        }
        return { key: written, value: values[index], line: lineOf(node) };
    });
    return { kind: 'mapping', entries };
}
/** The one document in `text`, its syntax checked; InputErrors say where (the file's line and column) and why. */
function readDocument(origin, text, lineCounter) {
    const name = describeOrigin(origin);
    let documents;
    try {
        // Keys written alike are found by keepKeysAsWritten and the callers, comparing them as written (`1` ≠ `01`).
        documents = (0,dist/* parseAllDocuments */.hR)(text, { uniqueKeys: false, prettyErrors: true, strict: true, lineCounter });
    }
    catch (error) {
        if (error instanceof RangeError)
            throw new InputError(`${name} is nested too deeply to be read.`);
        throw error;
    }
    if (!Array.isArray(documents))
        documents = [documents];
    if (documents.length > 1) {
        throw new InputError(`${name} holds ${documents.length} YAML documents (separated by ---); give one.`);
    }
    const document = documents[0];
    const problem = document?.errors[0];
    if (!problem)
        return document;
    if (/call stack/i.test(problem.message))
        throw new InputError(`${name} is nested too deeply to be read.`);
    const position = problem.linePos?.[0];
    // A line of a JSON Lines file is named by the file's line, once: `at line 2, column 12`.
    const where = position ? ` at line ${position.line + (origin.line ?? 1) - 1}, column ${position.col}` : '';
    const reason = problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new InputError(`${origin.name} is not valid YAML or JSON${where}: ${reason}`);
}
/**
 * Rewrites every mapping key to the text it was written as (so the data has
 * `001`, not 1), and lists the keys written twice in one mapping below the top level.
 */
function keepKeysAsWritten(document, name, lineOf) {
    const problems = [];
    (0,dist/* visit */.YR)(document, {
        Scalar: (_, node) => keepScalarAsWritten(node),
        Map: (_, map, path) => {
            const seen = new Map();
            for (const pair of map.items) {
                const key = pair.key;
                const written = key ? keyAsWritten(key) : undefined;
                if (written === undefined)
                    continue;
                if ((0,dist/* isScalar */.jn)(key))
                    key.value = written;
                const first = seen.get(written);
                const atTop = path.length === 1; // [document]
                if (first !== undefined && !atTop) {
                    const line = lineOf(key);
                    const where = line === first ? `line ${line}` : `lines ${first} and ${line}`;
                    problems.push(`${name} gives the key "${printable(written)}" twice in one mapping (${where}); give it once.`);
                }
                if (first === undefined)
                    seen.set(written, lineOf(key));
            }
        },
    });
    return problems;
}
/**
 * A plain number or boolean whose text YAML would rewrite (`1.10` read as 1.1,
 * `0x1F` as 31, `True` as true) keeps the text as written: a text input must
 * get what the user typed, and a number setting still reads it as a number.
 */
function keepScalarAsWritten(node) {
    const { value, source } = node;
    if ((typeof value === 'number' || typeof value === 'boolean') && source !== undefined && String(value) !== source)
        node.value = source;
}
/**
 * A key as written (`001` stays `001`), or undefined for a null, a collection
 * or an alias (resolving each alias on its own would cost a walk of the whole
 * document: a mapping of many alias keys would be a way to hang the action).
 */
function keyAsWritten(node) {
    if (!(0,dist/* isScalar */.jn)(node) || node.value === null)
        return undefined;
    return node.source ?? String(node.value);
}
/**
 * Nodes as plain data (mappings as Maps, so keys such as `__proto__` stay
 * data), converted together so that the alias limit counts every alias of the document.
 */
function toData(document, name, nodes) {
    const list = new dist/* YAMLSeq */.Rw(document.schema);
    list.items = nodes;
    try {
        return list.toJS(document, { mapAsMap: true, maxAliasCount: MAX_ALIAS_COUNT });
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (/alias/i.test(message)) {
            throw new InputError(`${name} uses YAML aliases too heavily (more than ${MAX_ALIAS_COUNT} expansions); write the values out.`);
        }
        if (error instanceof RangeError)
            throw new InputError(`${name} is nested too deeply to be read.`);
        throw new InputError(`${name} could not be read: ${message.split('\n')[0]}`);
    }
}
/** Prompts are long, but not megabytes: more is refused before it is parsed. */
function refuseHugeText(name, text) {
    const bytes = Buffer.byteLength(text);
    if (bytes > MAX_INPUTS_BYTES)
        throw new InputError(`${name} is ${bytes} bytes; the limit is ${MAX_INPUTS_BYTES} (1 MiB).`);
}
function describeOrigin(origin) {
    return origin.line === undefined ? origin.name : `${origin.name} line ${origin.line}`;
}
/**
 * Parses a YAML or JSON mapping of input names to values (JSON is YAML), keys
 * as written. Refuses, with line and column, anything that is not a single
 * mapping, and a key given twice.
 */
function parseInputsMapping(name, text) {
    const { root, problems } = parseYaml({ name }, text);
    if (problems.length > 0)
        throw new InputError(problems.join('\n'));
    return inputsSource(name, root, 'a mapping of input names to values (like "Aspect Ratio: 16:9")');
}
/**
 * A document's top level as an inputs source named `name`: empty for nothing,
 * an InputError for anything but a mapping or for an input given twice.
 */
function inputsSource(name, root, expected) {
    if (root?.kind !== 'mapping')
        return sourceFromData(name, root?.kind === 'list' ? root.items : root?.value, expected);
    const lines = new Map();
    for (const { key, line } of root.entries) {
        const first = lines.get(key);
        if (first !== undefined) {
            throw new InputError(`${name} gives "${printable(key)}" twice (lines ${first} and ${line}): give each input once.`);
        }
        lines.set(key, line);
    }
    return { name, entries: root.entries.map(({ key, value }) => [key, value]) };
}
/**
 * A mapping read by parseYaml below the top level (a batch item's inputs) as
 * an inputs source named `name`: empty for nothing, an InputError for anything
 * but a mapping of names.
 */
function sourceFromData(name, value, expected) {
    if (value === null || value === undefined || value === '')
        return { name, entries: [] };
    if (!(value instanceof Map)) {
        throw new InputError(`${name} must be ${expected}, not ${Array.isArray(value) ? 'a list' : 'a single value'}.`);
    }
    const entries = [];
    for (const [key, item] of value) {
        if (key === null || typeof key === 'object') {
            throw new InputError(`${name} has a key that is not a name (${describeValue(key)}): use the input's label or id as the key.`);
        }
        entries.push([String(key), item]);
    }
    return { name, entries };
}
/** `a mapping`, `a list`, `null`, `number`: how a value is named in errors. */
function describeValue(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (value instanceof Map || typeof value === 'object')
        return 'a mapping';
    return typeof value;
}

;// CONCATENATED MODULE: ./src/request/run-inputs.ts
/**
 * The runs' input documents — `inputs`, `inputs-file`, and the batch (`batch`
 * or `batch-file`) — read before anything is sent. Every problem is collected,
 * each naming its input and item, so that one bad item or one bad document
 * does not hide the others' problems.
 */







/**
 * Item names become folder names (`download-dir/<item>/`) and the prefix of
 * release asset names (`<item>-<file>`), so they must read the same on every
 * runner's file system and on GitHub: letters, digits, `_`, `-`, and dots
 * only between them. A name of dots (`..`) would be a folder outside
 * download-dir; a leading dot hides the folder and GitHub drops it from asset
 * names (`.x` would be `x`); a trailing one vanishes on Windows; GitHub merges
 * `..` into `.` (`x..y` would be `x.y`).
 */
const ITEM_NAME = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;
const MAX_ITEM_NAME_LENGTH = 64;
/** Reads and parses `inputs`, `inputs-file` and the batch, collecting every problem. */
function readRunInputs(given, workspace) {
    const problems = [];
    const annotations = [];
    const unreadable = [];
    const shared = [];
    const readShared = (label, text, file) => {
        try {
            shared.push(parseInputsMapping(label, text()));
        }
        catch (error) {
            problems.push(errorMessage(error));
            unreadable.push(label);
            if (file)
                annotations.push(annotation(file, workspace, { message: errorMessage(error) }, label));
        }
    };
    if (given.inputsFile) {
        const file = given.inputsFile;
        const label = fileLabel(Input.InputsFile, file, workspace);
        readShared(label, () => readInputFile(Input.InputsFile, file, workspace), file);
    }
    readShared(Input.Inputs, () => given.inputs);
    let items;
    if (given.batchFile !== undefined || given.batch !== undefined) {
        const batch = readBatch(given, workspace);
        items = batch.items;
        problems.push(...batch.problems);
        annotations.push(...batch.annotations);
    }
    return { shared, items, problems, annotations, unreadable };
}
function readBatch(given, workspace) {
    if (given.batchFile === undefined)
        return { ...parseBatch(Input.Batch, given.batch ?? ''), annotations: [] };
    const file = given.batchFile;
    let text;
    try {
        text = readInputFile(Input.BatchFile, file, workspace);
    }
    catch (error) {
        return { items: [], problems: [errorMessage(error)], annotations: [] };
    }
    const label = fileLabel(Input.BatchFile, file, workspace);
    const batch = parseBatch(label, text, /\.jsonl$/i.test(file));
    return { ...batch, annotations: batch.located.map((problem) => annotation(file, workspace, problem, label)) };
}
/** The problem on the file: its line as located, or as the message names it (`at line 3, column 5`). */
function annotation(file, workspace, problem, label) {
    const after = problem.message.startsWith(label) ? problem.message.slice(label.length) : problem.message;
    // `lines 1 and 3` (a key written twice) points at the repeat.
    const match = /\blines? (\d+)(?: and (\d+))?/.exec(after);
    const named = match?.[2] ?? match?.[1];
    const line = problem.line ?? (named === undefined ? undefined : Number(named));
    const relative = (external_node_path_namespaceObject.relative(workspace, file) || file).split(external_node_path_namespaceObject.sep).join('/');
    return { message: problem.message, file: relative, ...(line === undefined ? {} : { line }) };
}
/**
 * Parses `batch` (or a batch file): a list of input mappings (items named 1,
 * 2, …) or a mapping of item name → input mapping, the names as written. JSON
 * Lines (one mapping a line) when `jsonLines`. Every problem is returned: with
 * the document, with each item's inputs, and with the item names.
 */
function parseBatch(name, text, jsonLines = false) {
    const located = [];
    const names = [];
    const items = [];
    const add = (itemName, read, line) => {
        names.push({ name: itemName, line });
        try {
            items.push({ name: itemName, source: read(`${name}: item "${printable(itemName)}"`) });
        }
        catch (error) {
            located.push({ message: errorMessage(error), line });
        }
    };
    try {
        if (jsonLines)
            readJsonLines(name, text, add, located);
        else
            readBatchDocument(name, text, add, located);
    }
    catch (error) {
        located.push({ message: errorMessage(error) });
    }
    located.push(...checkItemNames(name, names));
    if (names.length === 0 && located.length === 0)
        located.push({ message: `${name} holds no runs: give at least one item.` });
    return { items, problems: located.map((problem) => problem.message), located };
}
function readBatchDocument(name, text, add, problems) {
    const { root, problems: keyProblems } = parseYaml({ name }, text);
    problems.push(...keyProblems.map((message) => ({ message })));
    if (root === undefined)
        return;
    const item = (value) => (where) => sourceFromData(where, value, 'an input mapping');
    if (root.kind === 'list')
        root.items.forEach((value, index) => add(String(index + 1), item(value)));
    else if (root.kind === 'mapping')
        for (const entry of root.entries)
            add(entry.key, item(entry.value), entry.line);
    else
        throw new InputError(`${name} must be a list of input mappings or a mapping of item name → input mapping.`);
}
/** One mapping a line, items named 1, 2, … (blank lines skipped); a bad line is named by its line. */
function readJsonLines(name, text, add, problems) {
    refuseHugeText(name, text);
    let count = 0;
    text.split(/\r?\n/).forEach((line, index) => {
        if (line.trim() === '')
            return;
        count += 1;
        try {
            const { root, problems: keyProblems } = parseYaml({ name, line: index + 1 }, line);
            problems.push(...keyProblems.map((message) => ({ message, line: index + 1 })));
            add(String(count), (where) => inputsSource(where, root, 'an input mapping'), index + 1);
        }
        catch (error) {
            problems.push({ message: errorMessage(error), line: index + 1 });
        }
    });
}
function checkItemNames(name, names) {
    const located = [];
    // Lower-cased: macOS and Windows runners ignore case in folder names.
    const seen = new Map();
    for (const { name: itemName, line } of names) {
        const problem = (message) => located.push({ message, line });
        if (itemName.length > MAX_ITEM_NAME_LENGTH || !ITEM_NAME.test(itemName)) {
            problem(`${name}: item name "${printable(itemName)}" must be 1–64 letters, digits, "_", "-" or ".", ` +
                'with each "." between two other characters (like logo-v2.dark): it names the item\'s folder and its release assets.');
            continue;
        }
        if (isWindowsReservedName(itemName)) {
            problem(`${name}: item name "${itemName}" is a device name Windows reserves (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9, in any case and with any extension): ` +
                'its folder could not be created on a Windows runner; rename the item.');
            continue;
        }
        const earlier = seen.get(itemName.toLowerCase());
        if (earlier === itemName) {
            problem(`${name}: item name "${itemName}" is used twice; item names must be unique.`);
        }
        else if (earlier !== undefined) {
            problem(`${name}: item names "${earlier}" and "${itemName}" differ only in case: on macOS and Windows runners they would share a folder; rename one.`);
        }
        else {
            seen.set(itemName.toLowerCase(), itemName);
        }
    }
    return located;
}
/** `inputs-file (renders.yml)`: how errors name a file input. */
function fileLabel(name, file, workspace) {
    return `${name} (${external_node_path_namespaceObject.relative(workspace, file) || file})`;
}
function readInputFile(name, file, workspace) {
    const shown = external_node_path_namespaceObject.relative(workspace, file) || file;
    try {
        return (0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new InputError(`${name}: cannot read ${shown}${code === 'ENOENT' ? ' (no such file; the path is relative to the workspace)' : ` (${code ?? errorMessage(error)})`}.`);
    }
}

;// CONCATENATED MODULE: ./src/config/config.ts








/** A poll interval below this is allowed but warned about (Armox advises 10–15 s). */
const ADVISED_MIN_POLL_MS = 5_000;
/** Job ids are UUIDs today; anything outside this set could change the request path. */
const JOB_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
/**
 * Reads the inputs and checks the rules that span them. Every problem is
 * collected and reported together, each naming its input and how to fix it;
 * nothing has been sent anywhere yet. The runs' documents (`inputs`, the
 * batch) are read here too, so that their problems are listed with these.
 */
function readConfig(read, env) {
    const problems = [];
    const warnings = [];
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const inputs = readInputs(read, env, workspace, problems);
    const given = (name) => read(name).trim() !== '';
    checkApi(inputs, problems, warnings);
    checkWhatToRun(inputs, given, problems);
    checkWaiting(inputs, given, problems, warnings);
    checkRehearsal(inputs, problems);
    const reuse = parseReuse(inputs.reuse);
    if (typeof reuse === 'string')
        problems.push(reuse);
    // job-id follows an existing job: its inputs are ignored (checkWaiting warns).
    const runInputs = inputs.jobId
        ? { shared: [], problems: [], annotations: [], unreadable: [] }
        : readRunInputs(inputs, workspace);
    problems.push(...itemFolderLinks(inputs.downloadDir, runInputs, workspace));
    if (problems.length > 0)
        throw configFailure(problems, runInputs);
    return {
        config: {
            ...inputs,
            apiUrl: inputs.apiUrl.href.replace(/\/+$/, ''),
            reuse: reuse,
            batchGiven: inputs.batch !== undefined || inputs.batchFile !== undefined,
            runInputs,
            workspace,
            github: gitHubContext(env),
        },
        warnings,
    };
}
/** A batch writes into `download-dir/<item>/`: a link already there would take its files elsewhere. */
function itemFolderLinks(downloadDir, runInputs, workspace) {
    if (!downloadDir || !runInputs.items)
        return [];
    return runInputs.items.flatMap(({ name }) => {
        const link = linkOnTheWay(downloadDir, external_node_path_namespaceObject.join(downloadDir, name));
        const shown = external_node_path_namespaceObject.relative(workspace, link ?? '');
        return link ? [linkProblem(Input.DownloadDir, `${shown}" (batch item "${name}`, shown)] : [];
    });
}
/**
 * The inputs' problems, with those of the runs' documents. Checking the runs
 * against the contract needs the app or model, which is not looked up until
 * these are fixed: the message says so, rather than implying the runs are fine.
 */
function configFailure(problems, runInputs) {
    const all = [...problems, ...runInputs.problems];
    const list = all.length === 1 ? all[0] : `The action's inputs have ${all.length} problems:\n- ${all.join('\n- ')}`;
    const runs = runInputs.items ? "The batch's items" : 'The inputs';
    const unchecked = runInputs.items || runInputs.shared.some((source) => source.entries.length > 0)
        ? `\n\n${runs} are checked against the contract of the app or model once these are fixed: that needs the app or model, which is looked up only then.`
        : '';
    return new InputError(list + unchecked, runInputs.annotations);
}
function checkApi(inputs, problems, warnings) {
    if (!inputs.apiKey) {
        problems.push('api-key is empty: pass `api-key: ${{ secrets.ARMOX_API_KEY }}` or set the ARMOX_API_KEY environment variable ' +
            '(secrets are not available to workflows triggered from forks).');
    }
    else if (/\s/.test(inputs.apiKey)) {
        problems.push('api-key contains whitespace: check that the secret holds only the key (sk_live_…).');
    }
    const apiUrl = inputs.apiUrl;
    if (!apiUrl)
        return;
    if (apiUrl.protocol === 'http:' && !isLoopback(apiUrl.hostname)) {
        warnings.push(`api-url uses plain http (${apiUrl.origin}): the API key travels unencrypted.`);
    }
    if (apiUrl.search || apiUrl.hash) {
        problems.push(`api-url "${apiUrl.href}" has a query or fragment: give the base URL only, e.g. https://armox.ai/api/v1.`);
    }
    if (apiUrl.username || apiUrl.password) {
        problems.push('api-url contains credentials: remove them and pass the key with api-key.');
    }
}
/** Exactly one of app-id, app-name, model (or job-id to follow a job); at most one batch source. */
function checkWhatToRun(inputs, given, problems) {
    const targets = [Input.AppId, Input.AppName, Input.Model].filter(given);
    if (targets.length > 1) {
        problems.push(`${targets.join(' and ')} are ${targets.length === 2 ? 'both' : 'all'} set: give exactly one of app-id, app-name or model.`);
    }
    if (targets.length === 0 && !inputs.jobId) {
        problems.push('No app or model given: set app-id, app-name or model (or job-id to wait for an existing job).');
    }
    if (inputs.jobId && !JOB_ID.test(inputs.jobId)) {
        problems.push(`job-id "${printable(inputs.jobId)}" is not a job id: use the id the action output earlier ` +
            '(letters, digits, - and _ only, e.g. 0fefb57b-a89a-46f3-b7f6-da24841722f4).');
    }
    if (inputs.batch !== undefined && inputs.batchFile !== undefined) {
        problems.push('batch and batch-file are both set: give the runs in one of them.');
    }
    if (inputs.jobId && (inputs.batch !== undefined || inputs.batchFile !== undefined)) {
        problems.push('job-id and a batch are both set: job-id follows one existing job, a batch submits new runs.');
    }
    if (inputs.dryRun && inputs.jobId) {
        problems.push('dry-run and job-id are both set: a dry run submits nothing, so there is no job to wait for.');
    }
}
function checkWaiting(inputs, given, problems, warnings) {
    if (inputs.pollIntervalMs < ADVISED_MIN_POLL_MS) {
        warnings.push(`poll-interval is ${inputs.pollIntervalMs} ms: Armox advises 10–15 s; short intervals can trip the API rate limit.`);
    }
    if (inputs.uploadToRelease && inputs.jobId === undefined && !inputs.wait) {
        problems.push('upload-to-release needs the finished job: it cannot be combined with wait: false.');
    }
    if (inputs.uploadToRelease && inputs.dryRun) {
        warnings.push('upload-to-release is ignored in a dry run: nothing is generated.');
    }
    if (inputs.jobId) {
        const unused = [Input.AppId, Input.AppName, Input.Model, Input.InputsFile, Input.WebhookUrl].filter(given);
        const inputsText = inputs.inputs.trim();
        if (inputsText !== '' && inputsText !== '{}')
            unused.unshift(Input.Inputs);
        if (unused.length > 0) {
            warnings.push(`job-id is set, so no new run is submitted: ${unused.join(', ')} ${unused.length === 1 ? 'is' : 'are'} ignored.`);
        }
    }
    // download-dir with wait: false is warned about after submitting: a model answered inline has its files at once.
}
/** A rehearsal borrows a completed job for each run: it cannot follow a job, leave one running, or only print the requests. */
function checkRehearsal(inputs, problems) {
    if (!inputs.rehearsal)
        return;
    const why = 'a rehearsal borrows the newest completed job of the app or model instead of submitting';
    if (inputs.jobId)
        problems.push(`rehearsal and job-id are both set: ${why}, so there is no job to follow.`);
    if (!inputs.wait)
        problems.push(`rehearsal and wait: false are both set: ${why}, so there is nothing to leave running.`);
    if (inputs.dryRun) {
        problems.push('rehearsal and dry-run are both set: choose one (dry-run prints the requests; rehearsal fills every output from a completed job).');
    }
}
function gitHubContext(env) {
    const attempt = Number(env.GITHUB_RUN_ATTEMPT);
    return {
        apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
        serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
        repository: env.GITHUB_REPOSITORY,
        eventName: env.GITHUB_EVENT_NAME,
        eventPath: env.GITHUB_EVENT_PATH,
        actor: env.GITHUB_ACTOR,
        runnerTemp: env.RUNNER_TEMP,
        runId: env.GITHUB_RUN_ID,
        runAttempt: Number.isInteger(attempt) && attempt > 0 ? attempt : 1,
        sha: env.GITHUB_SHA,
        workflow: env.GITHUB_WORKFLOW,
        job: env.GITHUB_JOB,
        action: env.GITHUB_ACTION,
    };
}
function isLoopback(hostname) {
    const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
    return host === 'localhost' || host.startsWith('127.') || host === '::1';
}

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: ./src/core/github-event.ts


/**
 * The event payload (`GITHUB_EVENT_PATH`), or undefined when there is none or
 * it cannot be read (then a warning says so: the trigger guard, repository
 * files, the release lookup and the comment treat the event as unknown).
 * The main step reads it once and hands it on (`RunContext.event`).
 */
async function readEventPayload(eventPath, log) {
    if (!eventPath)
        return undefined;
    try {
        return JSON.parse(await (0,promises_namespaceObject.readFile)(eventPath, 'utf8'));
    }
    catch (error) {
        log.warning(`Could not read the event payload (GITHUB_EVENT_PATH ${eventPath}): ${errorMessage(error)}. ` +
            'The event is treated as unknown.');
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/report/annotations.ts
/**
 * Problems found in `inputs-file` and `batch-file`, shown by GitHub on the file
 * itself (in the log, and on the pull request's diff): `::error file=…,line=…::`.
 */



/** One annotation for each problem of the error that points into a file the workflow names. */
function annotateFileProblems(error, secrets) {
    if (!(error instanceof InputError))
        return;
    for (const problem of error.fileProblems) {
        core_error(redactSecrets(problem.message, secrets), {
            title: 'Armox action input',
            file: problem.file,
            ...(problem.line === undefined ? {} : { startLine: problem.line }),
        });
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./src/core/inert-log.ts

/**
 * The runner executes a stdout line as a workflow command when, after its
 * leading blanks (.NET's TrimStart: any Unicode white space), it starts with
 * `::`, and it still honours the legacy `##[command]` anywhere in a line. It
 * splits lines at `\n` and at a lone `\r`. Text from outside the step (names,
 * descriptions, error bodies, text outputs, file names) may hold such lines.
 *
 * Such a message is fenced with `::stop-commands::<token>` … `::<token>::`, the
 * toolkit's way, rather than escaped: the text stays exactly as written (an
 * error or a path can be copied from the log), one rule covers both command
 * forms and every line break, and a fresh random token per message cannot be
 * guessed by the text to end the fence early. Messages that cannot hold a
 * command are printed as they are, so ordinary logs do not change.
 */
/** A line whose start (after white space, the BOM and zero-width characters) is `::`. */
const COMMAND_LINE = /(^|[\n\r\u0085\u2028\u2029])[\s\u0085\u180e\u200b-\u200d\u2060\ufeff]*::/;
/** True when some line of `text` could be read by the runner as a workflow command. */
function mayHoldCommand(text) {
    return COMMAND_LINE.test(text) || text.includes('##[');
}
/** A stop-commands token: random, so no text written before the step ran can hold it. */
function freshToken() {
    return `armox-${(0,external_node_crypto_.randomBytes)(16).toString('hex')}`;
}
/** `text` as a log message in which no line acts as a workflow command. */
function inertLogText(text, token = freshToken) {
    if (!mayHoldCommand(text))
        return text;
    const fence = token();
    return `::stop-commands::${fence}\n${text}\n::${fence}::`;
}

;// CONCATENATED MODULE: ./src/core/post-state.ts


/** Writes the post step's state through `save` (`core.saveState`). */
class PostStateWriter {
    save;
    jobKeys = new Map();
    submissionKeys = new Map();
    entries = 0;
    /** The step's target as saved once (every run of a step has the same). */
    stepTarget;
    constructor(save) {
        this.save = save;
    }
    /** Marks the step as started, so the runner's post step knows it is the post step. */
    mainStepStarted() {
        this.save(State.IsPost, 'true');
    }
    apiUrl(url) {
        this.save(State.ApiUrl, url);
    }
    jobOpened(jobId) {
        const key = `${State.OpenJob}${this.entries++}`;
        this.jobKeys.set(jobId, key);
        this.save(key, jobId);
    }
    jobHandled(jobId) {
        const key = this.jobKeys.get(jobId);
        if (key === undefined)
            return;
        this.jobKeys.delete(jobId);
        this.save(key, '');
    }
    submissionSent(submission) {
        const key = `${State.PendingSubmission}${this.entries++}`;
        this.submissionKeys.set(submission, key);
        const { target, known, ...entry } = submission;
        const targetJson = JSON.stringify(target);
        if (this.stepTarget === undefined) {
            this.stepTarget = targetJson;
            this.save(State.SubmissionTarget, targetJson);
        }
        const written = {
            ...entry,
            ...(targetJson !== this.stepTarget && { target }),
            ...(known.length > 0 && { known }),
        };
        this.save(key, JSON.stringify(written));
    }
    submissionAnswered(submission) {
        const key = this.submissionKeys.get(submission);
        if (key === undefined)
            return;
        this.submissionKeys.delete(submission);
        this.save(key, '');
    }
}
/** The post step's view of the state the main step left (`STATE_<name>` variables); anything malformed is ignored. */
function readPostState(env) {
    const openJobs = entries(env, State.OpenJob).filter((id) => id !== '');
    const stepTarget = parseJson(env[`STATE_${State.SubmissionTarget}`] ?? '');
    const pendingSubmissions = entries(env, State.PendingSubmission)
        .map(parseJson)
        .map((entry) => (isObject(entry) ? { target: stepTarget, known: [], ...entry } : entry))
        .filter(isPendingSubmission);
    return { apiUrl: env[`STATE_${State.ApiUrl}`] || undefined, openJobs, pendingSubmissions };
}
/** The values of `STATE_<prefix><n>`, in the order they were first written. */
function entries(env, prefix) {
    const name = `STATE_${prefix}`;
    const found = [];
    for (const [key, value] of Object.entries(env)) {
        if (!key.startsWith(name) || !value)
            continue;
        const index = Number(key.slice(name.length));
        if (Number.isSafeInteger(index))
            found.push([index, value]);
    }
    return found.sort((a, b) => a[0] - b[0]).map(([, value]) => value);
}
function isPendingSubmission(value) {
    if (!isObject(value) || !isObject(value.target))
        return false;
    const { kind, id } = value.target;
    return (typeof kind === 'string' &&
        typeof id === 'string' &&
        typeof value.item === 'string' &&
        typeof value.what === 'string' &&
        typeof value.inputs === 'string' &&
        typeof value.sentAt === 'number' &&
        Array.isArray(value.known) &&
        value.known.every((known) => typeof known === 'string'));
}
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/armox/types.ts
/** The shapes the Armox API answers with (see shared/armox-api), as the action reads them. */
const TERMINAL_STATUSES = ['completed', 'failed', 'cancelled'];
function isTerminal(status) {
    return TERMINAL_STATUSES.includes(status);
}

;// CONCATENATED MODULE: ./src/money/charge.ts

/**
 * The refund rule, for one answer about a job: what this step was charged for
 * it, as far as that answer tells. A reused job costs this step nothing, and
 * Armox refunds a failed job, so both count 0. Undefined when the answer does
 * not tell (no `credits_charged`): the charge known before, if any, stands.
 */
function chargeFromJob(job, reused) {
    if (reused || job.status === 'failed')
        return 0;
    return typeof job.credits_charged === 'number' ? job.credits_charged : undefined;
}
/**
 * A run's charge when it is known: 0 for a run never submitted, reused or
 * refunded, or without a job; the job's charge once Armox shows one. A charge of 0 on a job not
 * finished yet is not known (Armox may show the charge later), nor is a job's
 * without `credits_charged`, nor a submission's whose answer was lost.
 */
function knownCharge(run) {
    if (run.reusedFrom || run.borrowedFrom || run.outcome === 'skipped')
        return 0;
    // Without a job, nothing was charged, unless the answer was lost (the ledger knows those).
    if (!run.jobId)
        return 0;
    if (run.status === 'failed')
        return 0;
    if (run.creditsCharged === undefined)
        return undefined;
    if (run.creditsCharged === 0 && !isTerminal(run.status ?? ''))
        return undefined;
    return run.creditsCharged;
}

;// CONCATENATED MODULE: ./src/kinds/inputs-check.ts

/** How keys and labels are compared: Unicode-normalised, trimmed, case-insensitive. */
function fold(text) {
    return text.normalize('NFC').trim().toLowerCase();
}
/**
 * App and model names are compared as keys are (fold), and runs of white space
 * count as one: a name is copied from a listing where doubled spaces do not show.
 * Input keys keep their spaces: a key is checked against labels the action lists,
 * and a near miss gets a "Did you mean" there.
 */
function foldName(text) {
    return fold(text).replace(/\s+/g, ' ');
}
function isEmpty(value) {
    return (value === null ||
        value === undefined ||
        (typeof value === 'string' && value.trim() === '') ||
        (Array.isArray(value) && value.length === 0));
}
/** Strings stay; YAML numbers and booleans become their text. */
function scalarText(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
        return String(value);
    return undefined;
}
// How a value is named in errors lives with the parser that makes the values (mappings are Maps
// there); re-exported so that contracts take all their helpers from here.

/**
 * Armox fetches image inputs itself, so they must be public http(s) URLs.
 * Notes a problem (and returns false) for anything else; warns about private hosts.
 */
function checkImageUrl(text, where, problems, warnings) {
    return checkImageUrls([text], where, problems, warnings);
}
/**
 * `checkImageUrl` for a list: every URL is checked, and those that are not
 * http(s) URLs are named in one problem, so the advice is given once.
 */
function checkImageUrls(texts, where, problems, warnings) {
    const refused = [];
    for (const text of texts) {
        const url = parseHttpUrl(text.trim());
        if (!url)
            refused.push(`"${printable(text)}"`);
        else if (isPrivateHost(url.hostname)) {
            warnings.push(`${where}: ${url.origin} looks private; Armox cannot fetch images from a private network.`);
        }
    }
    if (refused.length === 0)
        return true;
    const what = refused.length === 1
        ? `${refused[0]} is not an http(s) URL`
        : `${refused.slice(0, -1).join(', ')} and ${refused.at(-1)} are not http(s) URLs`;
    problems.push(`${where}: ${what}. Image inputs are fetched by Armox, so they must be public URLs: ` +
        'commit the file to a public repository (the action then sends its URL at this commit) ' +
        'or upload it somewhere public first (a release asset, a storage bucket).');
    return false;
}
function isPrivateHost(hostname) {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    return (host === 'localhost' ||
        host === '::1' ||
        /^(127|10)\./.test(host) ||
        /^192\.168\./.test(host) ||
        /^172\.(1[6-9]|2\d|3[01])\./.test(host) ||
        host.endsWith('.local') ||
        host.endsWith('.internal'));
}
/**
 * ` Did you mean "…"?` for a near-miss among `candidates` (by default the `names`),
 * a note about look-alike (non-ASCII) characters, then ` Valid keys: "a", "b"` and
 * `validNote` (e.g. ` (or the input ids)`).
 */
function suggestKey(key, names, validNote = '', candidates = names) {
    const close = closestName(key, candidates);
    const nonAscii = [...key].filter((c) => c.charCodeAt(0) > 126);
    const note = nonAscii.length
        ? ` It contains non-ASCII characters (${nonAscii
            .slice(0, 3)
            .map((c) => `U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`)
            .join(', ')}) that may only look like the label's.`
        : '';
    const valid = ` Valid keys: ${names.map((n) => `"${n}"`).join(', ')}${validNote}.`;
    return close ? ` Did you mean "${close}"?${note}${valid}` : `${note}${valid}`;
}
/** The name within a small edit distance of `key` (scaled to the name's length), if any. */
function closestName(key, names) {
    const wanted = fold(key);
    return names.find((name) => editDistance(fold(name), wanted) <= Math.max(1, Math.floor(name.length / 8)));
}
function editDistance(a, b) {
    if (Math.abs(a.length - b.length) > 3)
        return 99;
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let previous = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const current = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
            previous = current;
        }
    }
    return row[b.length];
}
/** A plain-text table: a title line, the header, a rule, and the rows, columns padded. */
function formatTable(title, header, rows) {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells) => cells
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd();
    return [title, line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
/**
 * Maps every key of every source to a field, noting unknown, ambiguous and
 * repeated keys in `problems`. Later sources win where two give the same field
 * (`inputs` over `inputs-file`); within one source a field may be given once.
 */
function gatherValues(sources, matcher, problems) {
    const values = new Map();
    for (const source of sources) {
        const seenHere = new Map();
        for (const [key, value] of source.entries) {
            const matches = matcher.match(key);
            if (matches.length !== 1) {
                problems.push(`${source.name}: ${matches.length === 0 ? matcher.unknown(key) : matcher.ambiguous(key, matches)}`);
                continue;
            }
            const field = matches[0];
            const id = matcher.id(field);
            const earlier = seenHere.get(id);
            if (earlier !== undefined) {
                problems.push(`${source.name}: ${matcher.name(field)} is given twice (as "${printable(earlier)}" and "${printable(key)}").`);
                continue;
            }
            seenHere.set(id, key);
            values.set(id, { field, value, where: `${source.name}: ${matcher.name(field)}` });
        }
    }
    return values;
}

;// CONCATENATED MODULE: ./src/kinds/app-contract.ts



/**
 * Maps the user's keys (id, label or targetHandle) to the app's inputs and checks
 * every value against the contract. Every problem is collected, each naming its
 * source and key. Sources later in the list win where two give the same input
 * (`inputs` over `inputs-file`, a batch item over both).
 */
function buildRequestInputs(app, sources) {
    const problems = [];
    const warnings = [];
    const values = gatherValues(sources, keyMatcher(app), problems);
    const inputs = {};
    const missing = [];
    for (const input of app.inputs) {
        const given = values.get(input.id);
        const checked = given ? checkValue(input, given.value, given.where, problems, warnings) : undefined;
        if (checked === undefined) {
            if (input.required && (!given || isEmpty(given.value)))
                missing.push(input.label);
            continue;
        }
        inputs[input.id] = checked;
    }
    if (missing.length > 0) {
        problems.push(`missing required input${missing.length > 1 ? 's' : ''}: ${missing.map((l) => `"${l}"`).join(', ')}.`);
    }
    return { inputs, problems, warnings };
}
/** How the user's keys name this app's inputs; an input is quoted by its label in errors. */
function keyMatcher(app) {
    const labels = app.inputs.map((input) => input.label);
    return {
        match: (key) => matchInput(app, key),
        id: (input) => input.id,
        name: (input) => `"${input.label}"`,
        unknown: (key) => `unknown input "${printable(key)}".${suggestKey(key, labels, ' (or the input ids)')}`,
        ambiguous: (key, matches) => `"${printable(key)}" matches ${matches.length} inputs (${matches
            .map((m) => `${m.label} = ${m.id}`)
            .join(', ')}); use the input's id as the key.`,
    };
}
/** True when `key` names an image input of the app (by id, label or targetHandle). */
function isImageKey(app, key) {
    return matchInput(app, key).some((input) => input.type === 'image');
}
/** Exact id first; otherwise label, then targetHandle, both case-insensitive. */
function matchInput(app, key) {
    const byId = app.inputs.filter((input) => input.id === key);
    if (byId.length > 0)
        return byId;
    const wanted = fold(key);
    const byLabel = app.inputs.filter((input) => fold(input.label) === wanted);
    if (byLabel.length > 0)
        return byLabel;
    return app.inputs.filter((input) => input.targetHandle !== undefined && fold(input.targetHandle) === wanted);
}
/** Returns the value as the API wants it, or undefined (after noting a problem, unless simply empty). */
function checkValue(input, value, where, problems, warnings) {
    if (isEmpty(value))
        return undefined;
    // Armox fetches image inputs itself, so they must be public http(s) URLs.
    if (Array.isArray(value)) {
        if (!input.allowMultiple) {
            problems.push(`${where} takes one value, not a list of ${value.length}.`);
            return undefined;
        }
        const items = [];
        for (const item of value) {
            const text = scalarText(item);
            if (text === undefined) {
                problems.push(`${where}: every list item must be a string, got ${describeValue(item)}.`);
                return undefined;
            }
            if (text.trim() !== '')
                items.push(text);
        }
        if (items.length === 0)
            return undefined;
        // Every URL of the list is checked, so all bad ones are named at once.
        const urlsOk = input.type !== 'image' || checkImageUrls(items, where, problems, warnings);
        return urlsOk ? items : undefined;
    }
    const text = scalarText(value);
    if (text === undefined) {
        problems.push(`${where} must be ${input.allowMultiple ? 'a string or a list of strings' : 'a string'}, got ${describeValue(value)}.`);
        return undefined;
    }
    if (input.type === 'image' && !checkImageUrl(text, where, problems, warnings))
        return undefined;
    return input.allowMultiple ? [text] : text;
}
/** The app's contract as a small text table, for errors and dry runs. */
function formatContract(app) {
    if (app.inputs.length === 0)
        return `App "${app.name}" takes no inputs.`;
    const rows = app.inputs.map((input) => [
        input.label,
        input.type + (input.allowMultiple ? ' (list)' : ''),
        input.required ? 'yes' : 'no',
        input.targetHandle ?? '',
        input.id,
    ]);
    return formatTable(`Inputs of "${app.name}":`, ['label', 'type', 'required', 'targetHandle', 'id'], rows);
}
/** A ready-to-paste `inputs:` block for the app, required inputs first. */
function inputsSkeleton(app) {
    const ordered = [...app.inputs].sort((a, b) => Number(b.required) - Number(a.required));
    const lines = ordered.map((input) => {
        const key = (0,dist/* stringify */.As)(input.label).trim();
        const example = input.type === 'image' ? 'https://example.com/image.jpg' : '';
        const value = input.allowMultiple ? `[${example}]` : example ? example : '""';
        const notes = [
            input.type === 'image' ? 'public image URL' : 'text',
            input.allowMultiple ? 'list' : '',
            input.required ? 'required' : 'optional',
        ]
            .filter(Boolean)
            .join(', ');
        return `  ${key}: ${value}  # ${notes}`;
    });
    return ['inputs: |', ...(lines.length ? lines : ['  {}'])].join('\n');
}

;// CONCATENATED MODULE: ./src/kinds/target-base.ts
/**
 * What every kind's target shares: its names, and its contract and job
 * matching, which each kind supplies. A kind adds describe() and submit().
 */
class BaseTarget {
    facts;
    contract;
    matcher;
    kind;
    id;
    name;
    title;
    price;
    submitCall;
    constructor(facts, contract, matcher) {
        this.facts = facts;
        this.contract = contract;
        this.matcher = matcher;
        ({ kind: this.kind, id: this.id, name: this.name, title: this.title, submitCall: this.submitCall } = facts);
        this.price = facts.price;
    }
    info() {
        return { kind: this.kind, id: this.id, name: this.name, title: this.title, ...this.facts.extra };
    }
    prepare(sources, webhookUrl) {
        return this.contract.prepare(sources, webhookUrl);
    }
    isImageInput(key) {
        return this.contract.isImageInput(key);
    }
    contractTable() {
        return this.contract.table();
    }
    inputsSkeleton() {
        return this.contract.skeleton();
    }
    ownsJob(job) {
        return this.matcher.ownsJob(job);
    }
    jobInputs(job) {
        return this.matcher.jobInputs(job);
    }
}

;// CONCATENATED MODULE: ./src/kinds/app-target.ts


/** An app job's inputs as sent. */
const appJobInputs = (job) => job.input_data?.inputs ?? null;
/** Recognises the jobs of app `id`. */
function appJobs(id) {
    return { ownsJob: (job) => job.run_type !== 'model' && job.app_id === id, jobInputs: appJobInputs };
}
/** An Armox app: its inputs contract decides what a run may send. */
class AppTarget extends BaseTarget {
    app;
    constructor(app) {
        const title = `app "${app.name}" (${app.id})`;
        super({ kind: 'app', id: app.id, name: app.name, title, submitCall: 'POST /apps/run' }, appContract(app), appJobs(app.id));
        this.app = app;
    }
    describe() {
        return `App: ${this.name} (${this.id})`;
    }
    submit(client, request, deadline) {
        return client.runApp(request.body, deadline);
    }
}
function appContract(app) {
    return {
        prepare(sources, webhookUrl) {
            const { inputs, problems, warnings } = buildRequestInputs(app, sources);
            if (problems.length > 0)
                return { problems, warnings };
            const body = { app_id: app.id, inputs, ...(webhookUrl ? { webhook_url: webhookUrl } : {}) };
            return { request: { body: { ...body }, inputs }, problems, warnings };
        },
        isImageInput: (key) => isImageKey(app, key),
        table: () => formatContract(app),
        skeleton: () => inputsSkeleton(app),
    };
}

;// CONCATENATED MODULE: ./src/kinds/apps.ts



/** Finds the app by exact id, or by name (case-insensitive); errors list what the key can see. */
function resolveApp(apps, wanted) {
    if (wanted.appId) {
        const app = apps.find((candidate) => candidate.id === wanted.appId);
        if (app)
            return app;
        throw new InputError(`app-id "${printable(wanted.appId)}" is not among the apps this API key can use.\n${listApps(apps)}`);
    }
    const name = foldName(wanted.appName ?? '');
    const matches = apps.filter((candidate) => foldName(candidate.name) === name);
    if (matches.length === 1)
        return matches[0];
    if (matches.length === 0) {
        throw new InputError(`app-name "${printable(wanted.appName ?? '')}" matches no app this API key can use.\n${listApps(apps)}`);
    }
    throw new InputError(`app-name "${printable(wanted.appName ?? '')}" matches ${matches.length} apps; use app-id to pick one.\n${listApps(matches)}`);
}
function listApps(apps) {
    if (apps.length === 0)
        return 'This API key sees no apps (check that the key belongs to the right Armox account).';
    const width = Math.max(...apps.map((app) => app.name.length));
    return ['Apps available (name, app-id):', ...apps.map((app) => `  ${app.name.padEnd(width)}  ${app.id}`)].join('\n');
}

;// CONCATENATED MODULE: ./src/kinds/app-kind.ts




/** A run of an Armox app (`app-id` or `app-name`): outputs per node, under `output_data.node_outputs`. */
const appKind = {
    name: 'app',
    label: 'App',
    checking: 'Checking the app and its inputs',
    chosenBy: (config) => Boolean(config.appId || config.appName),
    load: async (config, client, deadline) => new AppTarget(resolveApp(await client.listApps(deadline), config)),
    // Any job no other kind claims: app jobs came first and may not say their run_type.
    isKindOf: () => true,
    /** Named by the name the job carries, else the app list's. */
    async followed(job, client, deadline, log) {
        if (!job.app_id)
            return undefined;
        const name = job.app_name ?? job.output_data?.app_name ?? (await appName(job.app_id, client, deadline, log));
        return { kind: 'app', id: job.app_id, name, title: `app "${name ?? job.app_id}"` };
    },
    jobInputs: appJobInputs,
    matcher: appJobs,
    rawOutputs: (job) => job.output_data?.node_outputs ?? {},
    outputsField: 'output_data.node_outputs',
    outputsByNode: true,
    targetOutputs: (target) => [
        { name: Output.AppId, value: target.id },
        { name: Output.AppName, value: target.name },
    ],
    titleNote: () => undefined,
};
/** The app's name from the app list (one `GET /apps`), when the job does not carry it; undefined if it cannot be read. */
async function appName(id, client, deadline, log) {
    try {
        return (await client.listApps(deadline)).find((app) => app.id === id)?.name;
    }
    catch (error) {
        if (error instanceof CancelledError)
            throw error;
        log.debug(`The app of the job is named by its id: ${errorMessage(error)}`);
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/kinds/model-list.ts



/** Finds the model by exact id, or by name (case-insensitive); errors list the models the key can see. */
function resolveModel(models, wanted) {
    const byId = models.find((model) => model.id === wanted.trim());
    if (byId)
        return byId;
    const name = foldName(wanted);
    const matches = models.filter((model) => foldName(model.name) === name);
    if (matches.length === 1)
        return matches[0];
    if (matches.length > 1) {
        throw new InputError(`model "${printable(wanted)}" matches ${matches.length} models by name; give the model's id instead.\n${listModels(matches)}`);
    }
    // Case is the usual slip in an id (`Google/Nano-Banana`).
    const close = models.find((model) => fold(model.id) === fold(wanted))?.id ??
        closestName(wanted, models.map((model) => model.id)) ??
        closestName(wanted, models.map((model) => model.name));
    const hint = close ? ` Did you mean "${close}"?` : '';
    throw new InputError(`model "${printable(wanted)}" is not the id or the name of a model this API key can use.${hint}\n${listModels(models)}`);
}
/** The models as a table (id, name, modality, cost), for errors. */
function listModels(models) {
    if (models.length === 0) {
        return 'This API key sees no models (check that the key belongs to the right Armox account).';
    }
    const rows = models.map((model) => [
        model.id,
        model.name,
        model.modality,
        model.cost === undefined ? '?' : String(model.cost),
    ]);
    return formatTable('Models available:', ['id', 'name', 'modality', 'cost'], rows);
}

;// CONCATENATED MODULE: ./src/kinds/model-contract.ts



/** The keys of `input` that are not settings (as in the reference's example body). */
const PROMPT_KEY = 'prompt';
const IMAGES_KEY = 'image_input';
const NUMBER_TYPES = new Set(['number', 'integer', 'int', 'float', 'slider', 'range']);
const BOOLEAN_TYPES = new Set(['boolean', 'bool', 'switch', 'toggle', 'checkbox']);
const TEXT_TYPES = new Set(['text', 'textarea', 'string', 'select', 'dropdown']);
/** A prompt is taken when the model says `text` among its input types, requires one, or does not say. */
function takesPrompt(model) {
    return model.promptRequired || model.inputTypes === undefined || model.inputTypes.includes('text');
}
/** Images are taken when the model says `image` among its input types, or does not say. */
function takesImages(model) {
    return model.inputTypes === undefined || model.inputTypes.includes('image');
}
/** Images are required when they are all a model takes (`inputTypes: ["image"]`, an upscaler): it has nothing else to work on. */
function needsImages(model) {
    const types = model.inputTypes ?? [];
    return !takesPrompt(model) && types.length > 0 && types.every((type) => type === 'image');
}
/** `text, image`, or `none listed`: a model's input types, for messages. */
function inputTypesText(model) {
    return model.inputTypes?.length ? model.inputTypes.join(', ') : 'none listed';
}
function fields(model) {
    const settings = model.settings.filter((s) => s.key !== PROMPT_KEY && s.key !== IMAGES_KEY);
    return [
        { kind: 'prompt', key: PROMPT_KEY, label: 'Prompt', aliases: [] },
        { kind: 'images', key: IMAGES_KEY, label: 'Images', aliases: ['image input', 'input images', 'image'] },
        ...settings.map((setting) => ({
            kind: 'setting',
            key: setting.key,
            label: setting.label,
            aliases: [],
            setting,
        })),
    ];
}
/** The fields a user may give this model (the ones the model does not take are left out). */
function offered(model) {
    return fields(model).filter((field) => (field.kind !== 'prompt' || takesPrompt(model)) && (field.kind !== 'images' || takesImages(model)));
}
/** True when `key` names the model's image list (`image_input` or one of its aliases). */
function isImagesKey(model, key) {
    return matchField(fields(model), key).some((field) => field.kind === 'images');
}
/** Exact key first; then key, label, alias, each case-insensitive. The first step that matches decides. */
function matchField(all, key) {
    const byKey = all.filter((field) => field.key === key);
    if (byKey.length > 0)
        return byKey;
    const wanted = fold(key);
    const steps = [
        (field) => fold(field.key) === wanted,
        (field) => fold(field.label) === wanted,
        (field) => field.aliases.includes(wanted),
    ];
    for (const step of steps) {
        const found = all.filter(step);
        if (found.length > 0)
            return found;
    }
    return [];
}
/**
 * Checks one run's inputs against the model: keys are `prompt`, `image_input` and
 * the settings (by key or label); later sources win. Every problem is collected.
 * The request is set only when there is none: `{model, input, webhook_url?}`, with
 * `input` flat, as the API expects. Settings not given are not sent (the API applies its defaults).
 */
function prepareModelRun(model, sources, webhookUrl) {
    const problems = [];
    const warnings = [];
    const given = gatherValues(sources, model_contract_keyMatcher(model), problems);
    const input = {};
    /** Fields given with a problem: not also reported missing. */
    const refused = new Set();
    for (const field of fields(model)) {
        const entry = given.get(field.key);
        if (!entry)
            continue;
        const before = problems.length;
        const value = checkField(model, field, entry, problems, warnings);
        if (problems.length > before)
            refused.add(field.key);
        else if (value !== undefined)
            input[field.key] = value;
    }
    const missing = (key) => input[key] === undefined && !refused.has(key);
    if (model.promptRequired && missing(PROMPT_KEY)) {
        problems.push(`missing the prompt: model ${model.id} requires one (key "${PROMPT_KEY}").`);
    }
    if (needsImages(model) && missing(IMAGES_KEY)) {
        problems.push(`missing the images: model ${model.id} takes only images (its input types: ${inputTypesText(model)}), ` +
            `so it needs at least one (key "${IMAGES_KEY}", a list of public image URLs).`);
    }
    if (problems.length > 0)
        return { problems, warnings };
    const body = { model: model.id, input, ...(webhookUrl ? { webhook_url: webhookUrl } : {}) };
    return { request: { body, inputs: input }, problems, warnings };
}
/** How the user's keys name this model's fields. */
function model_contract_keyMatcher(model) {
    const all = fields(model);
    return {
        match: (key) => matchField(all, key),
        id: (field) => field.key,
        name: (field) => `"${field.key}"`,
        unknown: (key) => `unknown key "${printable(key)}".${unknownKeyHint(model, key)}`,
        ambiguous: (key, matches) => `"${printable(key)}" matches ${matches.length} settings (${matches
            .map((m) => `${m.label} = ${m.key}`)
            .join(', ')}); use the setting's key.`,
    };
}
function unknownKeyHint(model, key) {
    const valid = offered(model);
    if (valid.length === 0)
        return ` Model ${model.id} takes no inputs.`;
    return suggestKey(key, valid.map((field) => field.key), valid.some((field) => field.kind === 'setting') ? " (or a setting's label)" : '', valid.flatMap((field) => [field.key, field.label]));
}
/** The value to send for one field, or undefined (after noting a problem, unless simply empty). */
function checkField(model, field, given, problems, warnings) {
    const { value, where } = given;
    if (field.kind === 'images')
        return checkImages(model, value, where, problems, warnings);
    if (isEmpty(value)) {
        if (field.kind === 'setting')
            warnings.push(`${where} is empty, so it is not sent: ${defaultNote(field.setting)}.`);
        return undefined;
    }
    if (field.kind === 'prompt') {
        if (!takesPrompt(model)) {
            problems.push(`${where}: model ${model.id} takes no prompt (its input types: ${inputTypesText(model)}); remove "${PROMPT_KEY}".`);
            return undefined;
        }
        const text = scalarText(value);
        if (text === undefined)
            problems.push(`${where} must be text, got ${describeValue(value)}.`);
        return text;
    }
    return settingValue(field.setting, value, where, problems);
}
function defaultNote(setting) {
    return setting.defaultValue === undefined || setting.defaultValue === null
        ? "the model's default applies"
        : `the model's default (${printable(String(JSON.stringify(setting.defaultValue)))}) applies`;
}
/** `image_input`: one URL or a list of them, always sent as a list. Every bad image is reported. */
function checkImages(model, value, where, problems, warnings) {
    if (isEmpty(value))
        return undefined;
    if (!takesImages(model)) {
        problems.push(`${where}: model ${model.id} takes no images (its input types: ${inputTypesText(model)}); remove "${IMAGES_KEY}".`);
        return undefined;
    }
    const list = Array.isArray(value) ? value : [value];
    const urls = [];
    let notText = false;
    list.forEach((item, index) => {
        if (typeof item !== 'string') {
            const which = Array.isArray(value) ? `image ${index + 1}` : 'the image';
            problems.push(`${where}: ${which} must be a URL string, got ${describeValue(item)}.`);
            notText = true;
        }
        else if (item.trim() !== '')
            urls.push(item.trim());
    });
    // Checked even after a bad item, so every problem of the list is reported at once.
    const urlsOk = checkImageUrls(urls, where, problems, warnings);
    return urlsOk && !notText && urls.length > 0 ? urls : undefined;
}
/**
 * A setting's value as the API wants it. With options listed: the option's own
 * value (matched exactly, else by value or label case-insensitively). Otherwise
 * by the setting's type (its `inputType`, else its default's type): numbers and
 * booleans as JSON numbers and booleans, text as text; an untyped setting gets
 * the value as written in YAML.
 */
function settingValue(setting, value, where, problems) {
    const text = scalarText(value);
    if (text === undefined) {
        problems.push(`${where} must be a single value (text, number or true/false), got ${describeValue(value)}.`);
        return undefined;
    }
    if (setting.options)
        return optionValue(setting, text, where, problems);
    const type = setting.inputType;
    const defaultType = typeof setting.defaultValue;
    if (NUMBER_TYPES.has(type) || (!TEXT_TYPES.has(type) && defaultType === 'number')) {
        const number = typeof value === 'number' ? value : text.trim() === '' ? NaN : Number(text);
        if (Number.isFinite(number))
            return number;
        problems.push(`${where} must be a number, got "${printable(text)}".`);
        return undefined;
    }
    if (BOOLEAN_TYPES.has(type) || (!TEXT_TYPES.has(type) && defaultType === 'boolean')) {
        if (/^(true|false)$/i.test(text.trim()))
            return fold(text) === 'true';
        problems.push(`${where} must be true or false, got "${printable(text)}".`);
        return undefined;
    }
    if (TEXT_TYPES.has(type) || defaultType === 'string')
        return text;
    return typeof value === 'bigint' ? text : value;
}
function optionValue(setting, text, where, problems) {
    const options = setting.options ?? [];
    const wanted = fold(text);
    const found = options.find((option) => String(option.value) === text) ??
        options.find((option) => fold(String(option.value)) === wanted) ??
        options.find((option) => option.label !== undefined && fold(option.label) === wanted);
    if (found)
        return found.value;
    const names = options.map((option) => String(option.value));
    const close = closestName(text, names);
    problems.push(`${where}: "${printable(text)}" is not one of its options: ${names.map((n) => `"${printable(n)}"`).join(', ')}.` +
        (close ? ` Did you mean "${close}"?` : ''));
    return undefined;
}
/** The model's contract as a text table (key, label, type, default, options), for errors and dry runs. */
function formatModelContract(model) {
    const rows = offered(model).map((field) => {
        if (field.kind === 'prompt')
            return [field.key, field.label, model.promptRequired ? 'text, required' : 'text', '', ''];
        if (field.kind === 'images') {
            return [field.key, field.label, needsImages(model) ? 'image URLs (list), required' : 'image URLs (list)', '', ''];
        }
        const { setting } = field;
        return [setting.key, setting.label, setting.inputType, yamlValue(setting.defaultValue), optionsText(setting, 80)];
    });
    const price = model.cost === undefined ? 'price not listed' : `${model.cost} credits per run`;
    const about = [model.name, model.modality, price].filter(Boolean).join(', ');
    if (rows.length === 0)
        return `Model ${model.id} (${about}) takes no inputs.`;
    return formatTable(`Inputs of model ${model.id} (${about}):`, ['key', 'label', 'type', 'default', 'options'], rows);
}
function optionsText(setting, max) {
    const text = (setting.options ?? [])
        .map((option) => (option.label ? `${String(option.value)} (${option.label})` : String(option.value)))
        .join(', ');
    return printable(text, max).replace(/ \(\d+ characters\)$/, '');
}
/** A value as YAML writes it in one line (`1:1`, `"12"`, `true`); empty for no value. */
function yamlValue(value) {
    if (value === undefined || value === null)
        return '';
    return printable((0,dist/* stringify */.As)(value, { flow: true }).trim());
}
/** A ready-to-paste `inputs:` block: the prompt, the images, and every setting at its default. */
function modelInputsSkeleton(model) {
    const lines = offered(model).map((field) => {
        if (field.kind === 'prompt')
            return `  ${PROMPT_KEY}: ""  # ${model.promptRequired ? 'required' : 'optional'}`;
        if (field.kind === 'images') {
            const required = needsImages(model) ? 'required; ' : '';
            return `  ${IMAGES_KEY}: []  # ${required}list of public image URLs, e.g. [https://example.com/image.jpg]`;
        }
        const { setting } = field;
        const key = (0,dist/* stringify */.As)(setting.key).trim();
        const notes = [setting.label !== setting.key ? setting.label : '', setting.inputType];
        if (setting.options)
            notes.push(`one of: ${optionsText(setting, 60)}`);
        const comment = notes.filter(Boolean).join('; ');
        // No default to show: commented out, so that pasting the block sends nothing for it.
        if (setting.defaultValue === undefined || setting.defaultValue === null)
            return `  # ${key}: ""  # ${comment}`;
        return `  ${key}: ${yamlValue(setting.defaultValue)}  # ${comment}`;
    });
    return ['inputs: |', ...(lines.length ? lines : ['  {}'])].join('\n');
}

;// CONCATENATED MODULE: ./src/kinds/model-target.ts


/** A model job's inputs as sent. */
const modelJobInputs = (job) => job.input_data?.input;
/** Recognises the jobs of model `id`. */
function modelJobs(id) {
    return {
        ownsJob: (job) => (job.run_type === undefined || job.run_type === 'model') && job.model_id === id,
        jobInputs: modelJobInputs,
    };
}
/**
 * An Armox model as a RunTarget: one model execution per request, at a price
 * known up front (`cost`). `POST /models/run` may complete the job inline (200)
 * or hand back a job to poll (202); submit() returns either as a Job.
 */
class ModelTarget extends BaseTarget {
    model;
    constructor(model) {
        const modality = model.modality || undefined;
        const title = `model ${model.id}${modality ? ` (${modality})` : ''}`;
        const facts = {
            kind: 'model',
            id: model.id,
            name: model.name,
            title,
            price: model.cost,
            submitCall: 'POST /models/run',
        };
        super({ ...facts, extra: { modality } }, modelContract(model), modelJobs(model.id));
        this.model = model;
    }
    /** `Model: Nano Banana (google/nano-banana, image, 4 credits a run)` */
    describe() {
        const modality = this.model.modality ? `, ${this.model.modality}` : '';
        const price = this.price !== undefined ? `, ${this.price} credits a run` : '';
        return `Model: ${this.name} (${this.id}${modality}${price})`;
    }
    /** A 200 answer is the completed job, outputs included: nothing to poll. A 202 answer is `processing`. */
    submit(client, request, deadline) {
        // prepare() built the body as a ModelRunRequest.
        return client.runModel(request.body, deadline);
    }
}
function modelContract(model) {
    return {
        prepare: (sources, webhookUrl) => prepareModelRun(model, sources, webhookUrl),
        isImageInput: (key) => isImagesKey(model, key),
        table: () => formatModelContract(model),
        skeleton: () => modelInputsSkeleton(model),
    };
}

;// CONCATENATED MODULE: ./src/kinds/model-kind.ts




/** A model job (flat `output_data`) rather than an app job (`output_data.node_outputs`). */
function isModelJob(job) {
    if (job.run_type !== undefined && job.run_type !== null)
        return job.run_type === 'model';
    return typeof job.model_id === 'string' && job.model_id !== '' && typeof job.app_id !== 'string';
}
/** A run of an Armox model (`model`): outputs flat in `output_data`, a price known up front. */
const modelKind = {
    name: 'model',
    label: 'Model',
    checking: 'Checking the model and its inputs',
    chosenBy: (config) => Boolean(config.model),
    load: async (config, client, deadline) => new ModelTarget(resolveModel(await client.listModels(deadline), config.model ?? '')),
    isKindOf: isModelJob,
    /** Named by its name and modality (one `GET /models`); without it, by its id. */
    async followed(job, client, deadline, log) {
        if (job.run_type !== 'model' || !job.model_id)
            return undefined;
        const id = job.model_id;
        let model;
        try {
            model = (await client.listModels(deadline)).find((listed) => listed.id === id);
        }
        catch (error) {
            if (error instanceof CancelledError)
                throw error;
            log.debug(`The model of job ${job.id} is named by its id: ${errorMessage(error)}`);
        }
        return model ? new ModelTarget(model).info() : { kind: 'model', id, title: `model ${id}` };
    },
    jobInputs: modelJobInputs,
    matcher: modelJobs,
    rawOutputs: (job) => job.output_data ?? {},
    outputsField: 'output_data',
    outputsByNode: false,
    targetOutputs: (target) => [{ name: Output.Model, value: target.id }],
    titleNote: (target) => (target.modality ? `${target.modality} model` : 'model'),
};

;// CONCATENATED MODULE: ./src/kinds/registry.ts


/**
 * The kinds of run, one line each. Asked in order, so the app, which any
 * inputs without `model` choose, and which owns any job no other kind claims, comes last.
 */
const KINDS = [modelKind, appKind];
/** Adds a kind ahead of the others (tests register a third one); returns its removal. */
function registerKind(kind) {
    KINDS.unshift(kind);
    return () => {
        const index = KINDS.indexOf(kind);
        if (index >= 0)
            KINDS.splice(index, 1);
    };
}
/** The kind the inputs ask for. */
function kindChosenBy(config) {
    return KINDS.find((kind) => kind.chosenBy(config)) ?? appKind;
}
/** The kind a job is a run of. */
function kindOfJob(job) {
    return KINDS.find((kind) => kind.isKindOf(job)) ?? appKind;
}
/** The kind of this name (from TargetInfo or the step state); undefined when none is. */
function kindNamed(name) {
    return KINDS.find((kind) => kind.name === name);
}

;// CONCATENATED MODULE: ./src/report/job-outputs.ts


/** The URLs of the files among `items`, in order (what `output-urls` lists). */
function fileUrlsOf(items) {
    return items.filter((item) => item.kind !== 'text').map((item) => item.value);
}
/** How deep nested objects are searched for values: outputs are shallow; this only bounds hostile input. */
const MAX_DEPTH = 4;
/**
 * The job's output object as the API gave it, for the `outputs` step output:
 * `node_outputs` (keyed by node id) for an app job, the flat `output_data` for a
 * model job; `{}` when there is none.
 */
function rawOutputs(job) {
    return kindOfJob(job).rawOutputs(job);
}
/**
 * Collects every value of a job's outputs, in order: http(s) URLs under a
 * media key are files, every other string is text. App jobs nest them per node under
 * `output_data.node_outputs`; model jobs have them flat in `output_data`. The
 * set of keys is open (outputImage, outputVideo, outputText, …), so anything is accepted.
 */
function collectOutputs(job) {
    const kind = kindOfJob(job);
    const outputs = kind.rawOutputs(job);
    if (!isObject(outputs)) {
        const what = kind.outputsField;
        return {
            items: [],
            problem: `${what} is ${Array.isArray(outputs) ? 'a list' : `a ${typeof outputs}`}, not an object`,
        };
    }
    const items = [];
    if (!kind.outputsByNode) {
        for (const [key, value] of Object.entries(outputs))
            collect(items, '', key, value, 0);
        return { items };
    }
    for (const [nodeId, node] of Object.entries(outputs))
        collect(items, nodeId, '', node, 0);
    return { items };
}
function collect(items, nodeId, key, value, depth) {
    if (depth > MAX_DEPTH)
        return;
    if (Array.isArray(value)) {
        for (const entry of value)
            collect(items, nodeId, key, entry, depth + 1);
        return;
    }
    if (isObject(value)) {
        for (const [inner, entry] of Object.entries(value)) {
            collect(items, nodeId, key ? `${key}.${inner}` : inner, entry, depth + 1);
        }
        return;
    }
    if (typeof value !== 'string' || value === '')
        return;
    items.push({ nodeId, key, kind: isHttpUrl(value) ? mediaKind(key) : 'text', value });
}
/**
 * The media outputs, by key (`outputImage`, `outputVideo`, `outputAudio`,
 * `outputFile`, a 3D model…). Any other key is text, even when its value
 * looks like a URL: a text model's answer or a text node can be steered by
 * the prompt, so it is never fetched as a file.
 */
const MEDIA_KEYS = [
    [/image/i, 'image'],
    [/video/i, 'video'],
    [/audio/i, 'audio'],
    [/file|3d|mesh|glb|model/i, 'file'],
];
function mediaKind(key) {
    if (/text/i.test(key))
        return 'text';
    return MEDIA_KEYS.find(([pattern]) => pattern.test(key))?.[1] ?? 'text';
}

;// CONCATENATED MODULE: ./src/report/output-limits.ts

/**
 * GitHub's limit on an output: "a maximum of 1 MB", the size "approximated
 * based on UTF-16 encoding" (two bytes a code unit, so 500 000 ASCII
 * characters). A larger value breaks the workflow that maps it to a job
 * output, so every output is kept under it: lists keep what fits, `results`
 * first drops what the manifest also holds.
 */
const OUTPUT_LIMIT_BYTES = 1_000_000;
/** The size GitHub counts for an output value. */
function outputBytes(text) {
    return utf16Bytes(text.length);
}
/** Two bytes a UTF-16 code unit (a JavaScript string's length counts code units). */
function utf16Bytes(codeUnits) {
    return codeUnits * 2;
}
/** `1.3 MB`, as GitHub states its limit. */
function megabytes(bytes) {
    return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
/** A JSON array of the longest prefix of `items` that fits; `noun` names them in what was left out. */
function fitJsonList(items, noun, limit = OUTPUT_LIMIT_BYTES) {
    const whole = JSON.stringify(items);
    if (outputBytes(whole) <= limit)
        return { value: whole };
    const entries = items.map((item) => JSON.stringify(item));
    const kept = prefixWithin(entries, limit, 2, 1);
    return {
        value: `[${entries.slice(0, kept).join(',')}]`,
        leftOut: `it holds the first ${kept} of ${items.length} ${noun} (${megabytes(outputBytes(whole))} in all)`,
    };
}
/** Room kept for the closing `… and N more lines`. */
const MORE_LINE_BYTES = 200;
/** Lines joined by newlines, as many as fit, then a line saying how many more there were. */
function fitLines(lines, limit = OUTPUT_LIMIT_BYTES) {
    const whole = lines.join('\n');
    if (outputBytes(whole) <= limit)
        return { value: whole };
    const kept = prefixWithin(lines, limit - MORE_LINE_BYTES, 0, 1);
    const more = `… and ${lines.length - kept} more lines`;
    return {
        value: [...lines.slice(0, kept), more].join('\n'),
        leftOut: `it holds the first ${kept} of ${lines.length} lines`,
    };
}
/** Shorter error messages, the last resort before leaving entries out. */
const CLIPPED_ERROR_CHARS = 200;
/**
 * Ways to make `results` smaller, mildest first: each drops what the
 * manifest also holds (every run's output URLs, files and error message).
 */
const REDUCTIONS = [
    { what: "each item's output-urls is null", apply: (entry) => ({ ...entry, 'output-urls': null }) },
    {
        what: "each item's output-urls and files are null",
        apply: (entry) => ({ ...entry, 'output-urls': null, files: null }),
    },
    {
        what: `each item's output-urls and files are null and its error-message is cut to ${CLIPPED_ERROR_CHARS} characters`,
        apply: (entry) => ({
            ...entry,
            'output-urls': null,
            files: null,
            'error-message': entry['error-message'] && clip(entry['error-message'], CLIPPED_ERROR_CHARS),
        }),
    },
];
/**
 * `results` under the limit: as it is when it fits, else with the mildest
 * reduction that fits, else the entries of the strongest that fit.
 */
function fitResults(entries, limit = OUTPUT_LIMIT_BYTES) {
    const whole = JSON.stringify(entries);
    if (outputBytes(whole) <= limit)
        return { value: whole };
    const size = megabytes(outputBytes(whole));
    for (const reduction of REDUCTIONS) {
        const value = JSON.stringify(entries.map(reduction.apply));
        if (outputBytes(value) <= limit)
            return { value, leftOut: `${reduction.what} (it would be ${size})` };
    }
    const last = REDUCTIONS.at(-1);
    const fitted = fitJsonList(entries.map(last.apply), 'items', limit);
    return { value: fitted.value, leftOut: `${last.what}, and ${fitted.leftOut} (it would be ${size})` };
}
/** How many of `parts`, joined by `separator` characters, fit in `limit` with `overhead` characters around them. */
function prefixWithin(parts, limit, overhead, separator) {
    let used = overhead;
    let kept = 0;
    for (const part of parts) {
        const next = used + part.length + (kept > 0 ? separator : 0);
        if (utf16Bytes(next) > limit)
            break;
        used = next;
        kept += 1;
    }
    return kept;
}

;// CONCATENATED MODULE: ./src/report/run-data.ts
/**
 * A run as plain data: what the outputs, the summary and the manifest read.
 * A class without methods, so that `RunRecord` (which fills it in) inherits
 * these fields rather than listing them again; plain objects of this shape
 * are `RunData` too.
 */
class RunData {
    name;
    /** The inputs as sent (or as they would have been). */
    inputs;
    jobId;
    status;
    /** What this step caused to be charged: 0 for a reused job, and for a failed one (Armox refunds it). */
    creditsCharged;
    createdAt;
    completedAt;
    outcome;
    errorMessage;
    /** The values the job produced: file URLs and texts. */
    items = [];
    /** The job's raw output object (`node_outputs` of an app, the flat `output_data` of a model). */
    rawOutputs;
    /** Undefined until delivery ran (or was not asked for). */
    files;
    releaseAssets = [];
    /** The job completed, but its files were not (all) delivered: why, and how to fetch them again. */
    deliveryError;
    reusedFrom;
    /** A rehearsal: the completed job (other inputs) that stood in for this run; nothing was submitted or charged. */
    borrowedFrom;
    /** Followed by `job-id`: submitted (and charged) by an earlier step, not this one. */
    followed = false;
    /** Set once reuse was looked at and nothing was adopted: the `reused` output is then `false`, even in a dry run. */
    knownNotReused = false;
    startedAt;
    finishedAt;
    /** @param name `1`, `2`, … or the batch item's name; the single run is `1`. */
    constructor(name) {
        this.name = name;
    }
}
/** The reason given for an outcome when nothing more specific is known. */
const DEFAULT_REASONS = {
    failed: 'the API gave no reason',
    cancelled: 'cancelled outside this workflow (by a person or another client)',
    'timed-out': 'the timeout ran out before it finished',
    skipped: 'not submitted',
    error: 'the run could not be carried out',
};
/**
 * Why a run did not give its results: the `error-message` of its `results`
 * entry and of its line in a batch's `error-message`. Undefined when it
 * completed and was delivered, or is still under way (wait: false).
 */
function problemOf(run) {
    const { outcome } = run;
    if (outcome === 'completed')
        return run.deliveryError;
    if (!outcome || outcome === 'submitted' || outcome === 'running' || outcome === 'dry-run')
        return undefined;
    return run.errorMessage ?? DEFAULT_REASONS[outcome];
}
/** The status a run reports: its job's, or for a run that never had a job, what became of it (`skipped`, `error`). */
function runStatus(run) {
    return run.outcome === 'skipped' ? 'skipped' : (run.status ?? run.outcome);
}
/**
 * What a run cost this step: its job's charge; 0 for a run never submitted;
 * null when unknown (a submission whose answer was lost may have been charged).
 */
function runCharge(run) {
    return run.creditsCharged ?? (run.outcome === 'skipped' ? 0 : null);
}
/**
 * The step's one run, when it is not a batch (a batch of one item reads as a
 * single run too): the one definition the outputs, the summary and the
 * comment use to tell the two apart.
 */
function singleRunOf(step) {
    return !step.perItem && step.runs.length === 1 ? step.runs[0] : undefined;
}

;// CONCATENATED MODULE: ./src/report/step-outputs.ts






/**
 * The step's outputs, derived from its record alone. GitHub allows 1 MB for
 * all of a job's outputs together, so they share one budget: the plain values
 * first (each set whole, or left unset when it does not fit), then the lists,
 * smallest first, each keeping what fits in its fair share of what is left
 * (what a list does not need passes on to the larger ones), then the raw
 * `outputs` object in what remains.
 */
function stepOutputs(step, only, limit = OUTPUT_LIMIT_BYTES) {
    const out = { values: new Map(), cuts: new Map() };
    let left = limit;
    const all = candidates(step).filter((candidate) => !only || only.has(candidate.name));
    const plain = all.filter((candidate) => !('fit' in candidate));
    const lists = all.filter((candidate) => 'fit' in candidate);
    for (const candidate of plain.filter((c) => c.name !== Output.Outputs))
        left -= setPlain(out, candidate, left);
    const whole = new Map(lists.map((list) => [list, list.fit(Infinity)]));
    lists.sort((a, b) => whole.get(a).value.length - whole.get(b).value.length);
    lists.forEach((list, index) => {
        const share = Math.floor(left / (lists.length - index)) - outputBytes(list.name);
        const all = whole.get(list);
        const fitted = outputBytes(all.value) <= share ? all : list.fit(share);
        if (fitted.leftOut)
            out.cuts.set(list.name, `${fitted.leftOut}. ${list.elsewhere}`);
        out.values.set(list.name, fitted.value);
        left -= outputBytes(list.name) + outputBytes(fitted.value);
    });
    for (const candidate of plain.filter((c) => c.name === Output.Outputs))
        setPlain(out, candidate, left);
    return out;
}
/** Sets a plain value if it fits in `left`; returns the bytes it took. */
function setPlain(out, { name, value }, left) {
    if (value === undefined)
        return 0;
    const text = String(value);
    const bytes = outputBytes(name) + outputBytes(text);
    if (bytes > left) {
        out.cuts.set(name, `it would be ${megabytes(outputBytes(text))}, so it is not set.`);
        return 0;
    }
    out.values.set(name, text);
    return bytes;
}
function candidates(step) {
    const { runs } = step;
    const single = singleRunOf(step);
    const list = [...targetOutputs(step)];
    // Once any run was accepted, skipped or refused, every run has its entry (a skipped run too).
    const anyRun = runs.some((run) => run.jobId || run.outcome);
    if (anyRun)
        list.push({ name: Output.CreditsCharged, value: charged(runs) });
    // The step ended before any run got that far (refused inputs, an unknown app): nothing was charged.
    else if (step.outcome !== undefined)
        list.push({ name: Output.CreditsCharged, value: 0 });
    list.push({ name: Output.Manifest, value: step.manifestPath });
    list.push({ name: Output.Checksums, value: step.checksumsPath });
    list.push({ name: Output.Rehearsal, value: String(step.rehearsal) });
    if (single)
        list.push(...singleOutputs(single));
    else if (step.perItem)
        list.push(...batchOutputs(runs));
    if (anyRun) {
        const ids = runs.flatMap((run) => (run.jobId ? [run.jobId] : []));
        list.push(listOf(Output.JobIds, ids, 'job ids', 'Every job id is in the manifest.'));
    }
    list.push(errorOutput(step, single));
    list.push(...deliveryOutputs(single ? [single] : step.perItem ? runs : []));
    if (anyRun) {
        let results;
        const elsewhere = "Every item's output URLs, files and error message are in the manifest.";
        list.push({ name: Output.Results, fit: (limit) => fitResults((results ??= runs.map(resultOf)), limit), elsewhere });
    }
    if (single?.outcome && single.rawOutputs !== undefined)
        list.push({ name: Output.Outputs, value: JSON.stringify(single.rawOutputs) });
    if (step.listsSettled) {
        for (const name of LIST_OUTPUTS)
            if (!list.some((c) => c.name === name))
                list.push({ name, value: '[]' });
    }
    return list;
}
/** The outputs that hold a JSON list: always set once the step ended, so `fromJSON` of them parses. */
const LIST_OUTPUTS = [Output.Files, Output.ReleaseAssets, Output.OutputUrls, Output.JobIds];
function targetOutputs({ target }) {
    return target ? (kindNamed(target.kind)?.targetOutputs(target) ?? []) : [];
}
function singleOutputs(run) {
    const list = [
        { name: Output.JobId, value: run.jobId },
        { name: Output.Status, value: runStatus(run) },
    ];
    if (run.outcome)
        list.push({ name: Output.OutputUrl, value: fileUrlsOf(run.items)[0] ?? '' });
    if (run.jobId || run.knownNotReused)
        list.push({ name: Output.Reused, value: String(run.reusedFrom !== undefined) });
    return list;
}
function batchOutputs(runs) {
    const list = [];
    if (runs.some((run) => run.rawOutputs !== undefined)) {
        const first = runs.map((run) => fileUrlsOf(run.items)[0]).find((url) => url !== undefined);
        list.push({ name: Output.OutputUrl, value: first ?? '' });
    }
    if (runs.every((run) => run.outcome !== undefined))
        list.push({ name: Output.Status, value: batchStatus(runs) });
    if (runs.some((run) => run.jobId || run.knownNotReused))
        list.push({ name: Output.Reused, value: String(runs.every((run) => run.reusedFrom !== undefined)) });
    return list;
}
/** `output-urls` (once a run ended with outputs), `files` and `release-assets`, over `runs`. */
function deliveryOutputs(runs) {
    const list = [];
    const ended = runs.length === 1 ? runs[0].outcome !== undefined : runs.some((run) => run.rawOutputs !== undefined);
    // Set (to [] without outputs) whenever a single run ended, so a later `fromJSON` of it always parses.
    if (ended) {
        const urls = runs.flatMap((run) => fileUrlsOf(run.items));
        list.push(listOf(Output.OutputUrls, urls, 'URLs', 'Every URL is in the manifest.'));
    }
    if (runs.some((run) => run.files)) {
        const paths = runs.flatMap((run) => (run.files ?? []).map((file) => file.path));
        list.push(listOf(Output.Files, paths, 'paths', 'Every file is in the manifest.'));
    }
    const assets = runs.flatMap((run) => run.releaseAssets.map((asset) => asset.url));
    if (assets.length)
        list.push(listOf(Output.ReleaseAssets, assets, 'URLs', 'Every asset is in the manifest.'));
    return list;
}
function errorOutput(step, single) {
    if (!step.perItem || single)
        return { name: Output.ErrorMessage, value: single?.errorMessage ?? step.errorMessage };
    const lines = batchErrors(step.runs);
    if (!lines.length)
        return { name: Output.ErrorMessage, value: step.errorMessage };
    const elsewhere = "Every item's error message is in the manifest.";
    return { name: Output.ErrorMessage, fit: (limit) => fitLines(lines, limit), elsewhere };
}
function listOf(name, items, noun, elsewhere) {
    return { name, fit: (limit) => fitJsonList(items, noun, limit), elsewhere };
}
function charged(runs) {
    return runs.reduce((sum, run) => sum + (run.creditsCharged ?? 0), 0);
}
/** One entry of the `results` output. */
function resultOf(run) {
    return {
        name: run.name,
        'job-id': run.jobId ?? null,
        // No job (skipped, or the submission failed): the outcome stands in for the job's status.
        status: runStatus(run) ?? null,
        'credits-charged': runCharge(run),
        'output-urls': fileUrlsOf(run.items),
        files: (run.files ?? []).map((file) => file.path),
        'error-message': problemOf(run) ?? null,
        reused: run.reusedFrom !== undefined,
    };
}
/**
 * A batch's `status`: `completed` when every item completed and was delivered,
 * `failed` when any was not, and `processing` while the rest were left running
 * (wait: false).
 */
function batchStatus(runs) {
    if (runs.some((run) => run.deliveryError))
        return 'failed';
    if (runs.every((run) => run.outcome === 'completed'))
        return 'completed';
    const leftRunning = (run) => ['completed', 'submitted', 'running'].includes(run.outcome);
    return runs.every(leftRunning) ? 'processing' : 'failed';
}
/**
 * One line per item that failed, was skipped, or whose files were not
 * delivered, for `error-message`: `<name>: <outcome> (<its results
 * error-message>)`, or `<name>: <its results error-message>` for a completed item.
 */
function batchErrors(runs) {
    return runs.flatMap((run) => {
        const found = problemOf(run);
        if (found === undefined)
            return [];
        // One line per item, whatever line breaks Armox's error text holds.
        const problem = oneLine(found);
        return [run.outcome === 'completed' ? `${run.name}: ${problem}` : `${run.name}: ${run.outcome} (${problem})`];
    });
}

;// CONCATENATED MODULE: ./src/report/output-publisher.ts


/**
 * A step of at most this many runs has all its outputs published at each
 * moment (`job-id` the moment the job is accepted); a larger batch publishes
 * `EARLY_OUTPUTS` at its 1st, 2nd, 4th, 8th, … moment, and everything at the end.
 */
const SMALL_STEP_RUNS = 16;
/** What a large batch publishes before it ends: what money needs known early. The rest is published at the end. */
const EARLY_OUTPUTS = new Set([Output.JobIds, Output.CreditsCharged]);
/**
 * Publishes the outputs derived from the record (`stepOutputs`) at named
 * moments: a job accepted or ended, a delivery failed, the step failed or
 * ended. GITHUB_OUTPUT only grows (a later value of an output is a new line),
 * so a large batch publishes its job ids ever further apart (each publish
 * doubles the moments since the first) and everything when the step ends:
 * what is written stays within about three times the final outputs, and the
 * CPU linear in the batch, whatever its size or wall time. Only
 * changed values are written. What an output had to leave out is said once,
 * as it stands when the step (or a phase of it) ends.
 */
class OutputPublisher {
    write;
    warn;
    written = new Map();
    /** Outputs whose cut was already said in the log, once each. */
    warnedCuts = new Set();
    moments = 0;
    nextMoment = 1;
    /** A moment not published yet: `flush` publishes it. */
    held = false;
    /** What the last publish had to leave out, said in the log at the end. */
    cuts = new Map();
    constructor(write, warn) {
        this.write = write;
        this.warn = warn;
    }
    /** A named moment: published now, or held for a later moment or `flush`. */
    moment(step) {
        this.moments += 1;
        if (step.runs.length > SMALL_STEP_RUNS && this.moments < this.nextMoment) {
            this.held = true;
            return;
        }
        this.nextMoment = this.moments * 2;
        this.publish(step, step.runs.length > SMALL_STEP_RUNS ? EARLY_OUTPUTS : undefined);
    }
    /** A change that is not a moment of its own (a job's progress, a file saved): published with the next. */
    changed() {
        this.held = true;
    }
    /** Publishes what a moment held back: when the step (or a phase of it) ends. */
    flush(step) {
        if (this.held)
            this.publish(step);
        for (const [name, cut] of this.cuts)
            this.warnOnce(name, cut);
    }
    /** Publishes now: the step failed, or its manifest was written. */
    final(step) {
        this.held = true;
        this.flush(step);
    }
    /** Publishes every output, or those in `only` (then the rest stays held for `flush`). */
    publish(step, only) {
        this.held = only !== undefined;
        const { values, cuts } = stepOutputs(step, only);
        if (!only)
            this.cuts = cuts;
        for (const [name, value] of values) {
            if (this.written.get(name) === value)
                continue;
            this.written.set(name, value);
            this.write(name, value);
        }
    }
    warnOnce(name, what) {
        if (this.warnedCuts.has(name))
            return;
        this.warnedCuts.add(name);
        this.warn(`The ${name} output does not fit in GitHub's 1 MB limit for a job's outputs together: ${what}`);
    }
}

;// CONCATENATED MODULE: ./src/wording.ts


/**
 * Where a single run and a batch read differently, in one place: a batch
 * names each item (`item "hero"`), a single run is `the run` and speaks of its
 * job. Built from the record's `perItem` (`StepRecord.naming`); every phase
 * asks it for a wording rather than branching on `perItem`. What else differs
 * is behaviour a user sees (a single run's error is the step's; a batch goes
 * on past a failed item) and the shapes of the outputs (`report/step-outputs.ts`).
 */
class Naming {
    perItem;
    constructor(
    /** Several runs: log lines name the item, and one run's failure does not end the others. */
    perItem) {
        this.perItem = perItem;
    }
    /** How messages name a run: `item "2"`, or `the run`. */
    what = (run) => (this.perItem ? `item "${run.name}"` : 'the run');
    /** How messages name several runs: `item "2", item "5"`, or `the run`. */
    which(names) {
        return this.perItem ? names.map((name) => this.what({ name })).join(', ') : 'the run';
    }
    /** A log line's prefix naming the item (`hero: `); a single run's lines need none. */
    label(name) {
        return this.perItem ? `${name}: ` : undefined;
    }
    /** What a delivery message adds to name the run: ` of hero`, or nothing for the single run. */
    of(name) {
        return this.perItem || name !== '1' ? ` of ${name}` : '';
    }
    /** The item's name, where a file or an asset is filed under it; undefined for a single run. */
    item(name) {
        return this.perItem ? name : undefined;
    }
    /** A dry run: `all 3 runs match`, or `the inputs match` (the contract). */
    runsMatch(count) {
        return this.perItem ? `all ${count} runs match` : 'the inputs match';
    }
    /** A dry run's request heading: ` for hero`, or nothing. */
    forRequest(name) {
        return this.perItem ? ` for ${name}` : '';
    }
    /** After max-credits is crossed by a charge: the paid run is delivered; a batch submits nothing more. */
    paidFor() {
        return `The run is paid for, so its results are delivered${this.perItem ? '; nothing more is submitted' : ''}.`;
    }
    /** The subject of a status line: the item's name, or `job <id>`. */
    subject(name, jobId) {
        return this.perItem ? name : `job ${jobId}`;
    }
    /** `[  12s] hero: job j1 accepted (3 credits).`, or `Job j1 accepted (3 credits).` */
    accepted(name, jobId, charge, elapsed) {
        return this.perItem ? `[${elapsed}] ${name}: job ${jobId} accepted${charge}.` : `Job ${jobId} accepted${charge}.`;
    }
    /** A poll's news of a job: `[  12s] hero: processing`, or `[  12s] job j1: completed`. A batch item's end is `ended`'s. */
    statusChange(name, jobId, status, elapsed) {
        if (this.perItem && isTerminal(status))
            return undefined;
        return `[${elapsed}] ${this.subject(name, jobId)}: ${status}`;
    }
    /**
     * A run's end: a batch says each item's (`[  12s] hero: completed, 2 files.`,
     * `[  12s] hero: failed (the GPU melted).`); a single run says its job completed
     * (a failure is the step's error, said once).
     */
    ended(run, made, elapsed) {
        const { name, outcome, errorMessage: why } = run;
        if (this.perItem) {
            const detail = outcome === 'completed' ? `, ${made}` : why ? ` (${why})` : '';
            return `[${elapsed}] ${name}: ${outcome}${detail}.`;
        }
        return outcome === 'completed' ? `Job ${run.jobId} completed: ${made}.` : undefined;
    }
    /** `wait: false`: how to follow the jobs left running. */
    followLater(hint) {
        return this.perItem ? 'The job ids are in the job-ids output; follow each with job-id.' : hint;
    }
    /** `Jobs a, b` or `Job a`; `they` or `it`. */
    static jobs(ids) {
        return ids.length === 1
            ? { subject: `Job ${ids[0]}`, pronoun: 'it' }
            : { subject: `Jobs ${ids.join(', ')}`, pronoun: 'they' };
    }
    /** `3 jobs … were cancelled so they stop`, `1 job … was cancelled so it stops`. */
    static cancelledJobs(count, waited) {
        const one = count === 1;
        return `${plural(count, 'job')} did not finish within ${waited} and ${one ? 'was' : 'were'} cancelled so ${one ? 'it stops' : 'they stop'} spending credits.`;
    }
}

;// CONCATENATED MODULE: ./src/report/record.ts






/**
 * One run of the step — the single run, or one item of a batch — filled in as
 * it happens, so outputs and the summary can be written whatever happened.
 * Each method says what happened; the outputs are derived from the data
 * (`step-outputs.ts`) at the moments that matter: accepted, ended, delivery failed.
 */
class RunRecord extends RunData {
    /** Private in JavaScript too, so a snapshot (JSON) of the run holds only its data. */
    #changes;
    constructor(name, changes) {
        super(name);
        this.#changes = changes;
    }
    /** The API took the run (or it was found after a lost answer): the job id is known from now on. */
    accepted(job, now) {
        this.startedAt ??= now;
        this.update(job);
        this.#changes.moment();
    }
    /** An earlier completed job is adopted instead of submitting: nothing is charged. */
    reused(job, now) {
        this.startedAt ??= now;
        this.reusedFrom = { jobId: job.id, createdAt: job.created_at, creditsCharged: job.credits_charged };
        this.update(job);
        this.#changes.moment();
    }
    /** A rehearsal: a completed job stands in for the run; nothing is submitted or charged. */
    borrowed(job, now) {
        this.startedAt ??= now;
        this.borrowedFrom = { jobId: job.id, createdAt: job.created_at, creditsCharged: job.credits_charged };
        this.update(job);
        this.#changes.moment();
    }
    /** Nothing was adopted instead of submitting (reuse is off, or found no match). */
    notReused() {
        this.knownNotReused = true;
        this.#changes.moment();
    }
    /** Anything new about the job: its status, charge, timestamps, error. */
    jobUpdated(job) {
        this.update(job);
        this.#changes.changed();
    }
    /** The job reached a terminal state; `items` are its outputs. */
    finished(job, items, rawOutputs, now) {
        this.items = items;
        this.rawOutputs = rawOutputs;
        this.finishedAt = now;
        this.outcome = job.status === 'completed' ? 'completed' : job.status === 'cancelled' ? 'cancelled' : 'failed';
        this.update(job);
        this.#changes.moment();
    }
    /** Files finish in any order; they are listed in the outputs' order (`output-urls`), even when a later one fails. */
    fileSaved(file) {
        const urls = this.fileUrls;
        (this.files ??= []).push(file);
        this.files.sort((a, b) => urls.indexOf(a.url) - urls.indexOf(b.url));
        this.#changes.changed();
    }
    /** Delivery was asked for: `files` is set (empty until files are saved). */
    expectFiles() {
        this.files ??= [];
        this.#changes.changed();
    }
    assetUploaded(asset) {
        this.releaseAssets.push(asset);
        this.#changes.changed();
    }
    /** The job completed, but its files could not be downloaded or uploaded (or were never reached). */
    deliveryFailed(message) {
        this.deliveryError = message;
        this.errorMessage = message;
        this.#changes.moment();
    }
    /** The run's inputs are checked against the contract: these are the inputs it sends. */
    prepared(inputs) {
        this.inputs = inputs;
    }
    /** `job-id`: the run is an earlier step's job, followed here (charged to that step), sent these inputs. */
    following(inputs) {
        this.followed = true;
        this.inputs = inputs;
    }
    /** The run ended without a job result: not submitted, skipped, timed out, an error. */
    ended(outcome, message) {
        this.outcome = outcome;
        if (message)
            this.errorMessage = message;
        this.#changes.moment();
    }
    get fileUrls() {
        return fileUrlsOf(this.items);
    }
    /** The charge follows the refund rule of `money/charge.ts`. */
    update(job) {
        this.jobId = job.id;
        this.status = job.status;
        const chargeFree = this.reusedFrom !== undefined || this.borrowedFrom !== undefined || this.followed;
        this.creditsCharged = chargeFromJob(job, chargeFree) ?? this.creditsCharged;
        if (job.created_at)
            this.createdAt = job.created_at;
        if (job.completed_at)
            this.completedAt = job.completed_at;
        if (typeof job.error_message === 'string' && job.error_message)
            this.errorMessage = job.error_message;
    }
}
/**
 * The step: what it ran, one RunRecord per run, and how it ended. The step's
 * outputs are one function of it (`stepOutputs`), published at named moments
 * (`OutputPublisher`), so they follow what is known as soon as it matters
 * (the job id above all).
 */
class StepRecord {
    startedAt;
    target;
    runs = [];
    outcome;
    errorMessage;
    /** What to do next, when the step failed or stopped early. */
    nextSteps = [];
    dryRun;
    /** Lines for the summary that are not about one run (e.g. the spending cap). */
    notes = [];
    finishedAt;
    /** The Armox balance before and after the step, when it was read (see `money/balance.ts`). */
    balance;
    manifestPath;
    /** The `rehearsal` input: completed jobs stand in for the runs (see RunRecord.borrowedFrom). */
    rehearsal = false;
    checksumsPath;
    /** The step has ended: every JSON list output is set, `[]` when unused (see `settleLists`). */
    listsSettled = false;
    /**
     * A batch of several runs: outputs, summary, log lines and download folders
     * are per item. A batch of one behaves as a single run.
     */
    perItem;
    publisher;
    changes = {
        moment: () => this.publisher.moment(this),
        changed: () => this.publisher.changed(),
    };
    constructor(startedAt, write, options = {}) {
        this.startedAt = startedAt;
        this.perItem = options.perItem ?? false;
        this.publisher = new OutputPublisher(write, options.warn ?? (() => undefined));
    }
    /** How the step's messages name its runs: a single run, or a batch's items (`wording.ts`). */
    get naming() {
        return new Naming(this.perItem);
    }
    /** A rehearsal: every run borrows a completed job (said by the `rehearsal` output from now on). */
    rehearsing() {
        this.rehearsal = true;
        this.publisher.publish(this);
    }
    targetKnown(target) {
        this.target = target;
        this.publisher.publish(this);
    }
    /** The runs are about to be planned: several items of a batch (named per item), or a single run. */
    planned(perItem) {
        this.perItem = perItem;
    }
    /** A line for the summary that is not about one run (the spending cap, the balance). */
    note(text) {
        this.notes.push(text);
    }
    /** The Armox balance as far as it is known (before paying; then after the step). */
    balanceKnown(balance) {
        this.balance = balance;
    }
    /** A dry run: what would be sent, the contract and the `inputs:` skeleton; nothing is submitted. */
    dryRunShown(dryRun) {
        this.dryRun = dryRun;
        this.outcome = 'dry-run';
    }
    /** The inputs were refused: the contract and the `inputs:` skeleton to fix them with (the summary ends with them). */
    contractShown(dryRun) {
        this.dryRun = dryRun;
    }
    /** The step did what it was asked: every run completed, or was submitted or left running on purpose. */
    succeeded(outcome) {
        this.outcome = outcome;
    }
    /** The workflow was cancelled; the step's error message follows (`failed`). */
    cancelled() {
        this.outcome = 'cancelled';
    }
    /** The step's work is over (the summary's duration ends here). */
    ended(now) {
        this.finishedAt = now;
    }
    addRun(name) {
        const run = new RunRecord(name, this.changes);
        this.runs.push(run);
        return run;
    }
    /** The step failed or stopped; `nextStep` says what to do about it. */
    failed(outcome, message, nextStep) {
        this.outcome = outcome;
        this.errorMessage = message;
        if (nextStep && !this.nextSteps.includes(nextStep))
            this.nextSteps.push(nextStep);
        this.publisher.final(this);
    }
    /** The manifest, or the checksums beside it, is written (the `manifest` and `checksums` outputs). */
    written(what, file) {
        if (what === 'manifest')
            this.manifestPath = file;
        else
            this.checksumsPath = file;
        this.publisher.final(this);
    }
    /** Publishes what moments held back: call when the step (or a phase of it) ends. */
    flush() {
        this.publisher.flush(this);
    }
    /** At the step's end: the JSON lists always parse in a later step (`fromJSON`), `[]` when unused. */
    settleLists() {
        this.listsSettled = true;
        this.publisher.final(this);
    }
    addNextStep(step) {
        if (!this.nextSteps.includes(step))
            this.nextSteps.push(step);
    }
    /** A plain copy of what is known, for the summary and the manifest. */
    snapshot() {
        return JSON.parse(JSON.stringify({
            target: this.target,
            runs: this.runs,
            perItem: this.perItem,
            outcome: this.outcome,
            errorMessage: this.errorMessage,
            nextSteps: this.nextSteps,
            notes: this.notes,
            dryRun: this.dryRun,
            rehearsal: this.rehearsal,
            startedAt: this.startedAt,
            finishedAt: this.finishedAt,
            creditsCharged: this.creditsCharged,
            balance: this.balance,
        }));
    }
    /** The single run, when the step has exactly one. */
    get single() {
        return singleRunOf(this);
    }
    get creditsCharged() {
        const charged = this.runs.filter((run) => run.creditsCharged !== undefined);
        return charged.length ? charged.reduce((sum, run) => sum + run.creditsCharged, 0) : undefined;
    }
}

;// CONCATENATED MODULE: ./src/core/run-context.ts
/**
 * When this step first saw each job in the account's job list. A job listed
 * before a submission was sent existed before it, so it cannot be that
 * submission's job: this is what tells a lost answer's job from an identical
 * earlier one, whatever the clocks say.
 */
class SeenJobs {
    ids = new Set();
    /** Each job as first listed, in the order they came, for each index to catch up from where it stopped. */
    order = [];
    indexes = new Map();
    /** A job list arrived at `at` (ms since the epoch): every job in it existed by then. */
    saw(jobs, at = Date.now()) {
        for (const job of jobs) {
            if (this.ids.has(job.id))
                continue;
            this.ids.add(job.id);
            this.order.push({ at, job });
        }
    }
    /**
     * The ids of the jobs listed at or before `time` whose key (by `keyOf`) is
     * `key`. Each job is keyed once per `keyOf` (pass the same function each
     * time): a batch asks this at every submission, and a scan of every job seen
     * would make the step O(N²).
     */
    seenWith(keyOf, key, time) {
        let index = this.indexes.get(keyOf);
        if (!index)
            this.indexes.set(keyOf, (index = { byKey: new Map(), upTo: 0 }));
        for (; index.upTo < this.order.length; index.upTo++) {
            const sighting = this.order[index.upTo];
            const found = keyOf(sighting.job);
            if (found === undefined)
                continue;
            const same = index.byKey.get(found);
            if (same)
                same.push(sighting);
            else
                index.byKey.set(found, [sighting]);
        }
        return (index.byKey.get(key) ?? []).filter((sighting) => sighting.at <= time).map(({ job }) => job.id);
    }
}
/**
 * What the post step must clean up if this step dies before it is done: the
 * jobs it started and has not finished with, and the submissions still
 * waiting for their answer (whose jobs may exist without this step knowing).
 * Each change is kept in `store` (the step state) as it happens.
 */
class OpenJobs {
    store;
    ids = new Set();
    pending = new Set();
    constructor(store = NO_STORE) {
        this.store = store;
    }
    /** The job was accepted: from now on it is this step's to finish, cancel or hand over. */
    opened(jobId) {
        if (this.ids.has(jobId))
            return;
        this.ids.add(jobId);
        this.store.jobOpened(jobId);
    }
    /** The step is done with the job: it ended, was cancelled, or is left running on purpose. */
    handled(jobId) {
        if (!this.ids.delete(jobId))
            return;
        this.store.jobHandled(jobId);
    }
    /** A submission is about to be sent: until it is answered, its job may exist unknown to this step. */
    sending(submission) {
        this.pending.add(submission);
        this.store.submissionSent(submission);
    }
    /**
     * The step is done with a submission: its job is known (`jobId`, kept open
     * first, so that no moment leaves it unlisted), or Armox did not take it, or
     * the step told the user its outcome is unknown.
     */
    answered(submission, jobId) {
        if (jobId)
            this.opened(jobId);
        if (!this.pending.delete(submission))
            return;
        this.store.submissionAnswered(submission);
    }
    get size() {
        return this.ids.size;
    }
    get jobIds() {
        return [...this.ids];
    }
    get submissions() {
        return [...this.pending];
    }
}
const NO_STORE = {
    jobOpened: () => undefined,
    jobHandled: () => undefined,
    submissionSent: () => undefined,
    submissionAnswered: () => undefined,
};
/**
 * Time allowed for clean-up calls made after the deadline or a cancellation:
 * cancelling the job, or finding a job whose submission answer was lost.
 */
const CLEANUP_MS = 5_000;
function resumeHint(jobId) {
    return `To wait for it later, run this action with job-id: ${jobId}.`;
}

;// CONCATENATED MODULE: ./src/deliver/files-sink.ts

/**
 * `download-dir`: the run's files are saved there (a batch item in its own
 * folder), each recorded as soon as it is saved.
 */
const filesSink = {
    name: 'download-dir',
    wanted: ({ config }) => Boolean(config.downloadDir),
    folder(run, { config }) {
        if (!config.downloadDir)
            return undefined;
        run.record.expectFiles();
        return run.item === undefined ? config.downloadDir : external_node_path_namespaceObject.join(config.downloadDir, run.item);
    },
    fileSaved: (run, file) => run.record.fileSaved(file),
    // Saving the files was the delivery.
    deliver: async () => undefined,
    again(run, { config }) {
        const dir = run.item === undefined ? config.downloadDir : external_node_path_namespaceObject.join(config.downloadDir, run.item);
        return { input: `download-dir: ${external_node_path_namespaceObject.relative(config.workspace, dir).split(external_node_path_namespaceObject.sep).join('/') || '.'}` };
    },
};

;// CONCATENATED MODULE: ./src/deliver/release.ts
/**
 * Finding the release that generated files are attached to (`upload-to-release`):
 * the release of the triggering event, or of a tag — published or draft — and
 * refusing immutable ones before anything is paid for.
 */



/** Said when GitHub refuses a release call for want of permission. */
const RELEASE_PERMISSION_HINT = 'The token cannot write to releases: add `permissions: contents: write` to the workflow (or the job) that runs this step.';
/**
 * Finds where release assets will go. Called before the paid run is submitted,
 * so a run whose files would have nowhere to go costs nothing: no release, or
 * an immutable one (published immutable releases take no new assets).
 */
async function resolveReleaseTarget(options) {
    if (!options.token) {
        throw new InputError('upload-to-release needs a GitHub token: github-token is empty (pass `github-token: ${{ github.token }}` ' +
            'and give the job `permissions: contents: write`).');
    }
    if (options.upload === true)
        return releaseFromEvent(options);
    const tag = options.upload.trim();
    if (!tag)
        throw new InputError('upload-to-release is empty: give `true` or a release tag such as v1.2.3.');
    const { owner, repo } = ownerAndRepo(options.repository);
    const octokit = await connect(options.token, options.apiUrl, options.log, options.userAgent);
    const github = new GitHubCalls(octokit, options, { permission: RELEASE_PERMISSION_HINT });
    const release = await findReleaseByTag(github, owner, repo, tag);
    if (!release) {
        throw new InputError(`upload-to-release: no release, published or draft, for tag ${tag} in ${owner}/${repo} ` +
            `(create it first, e.g. as a draft with \`gh release create ${tag} --draft\`, and publish it after this step).`);
    }
    const target = toTarget(owner, repo, release);
    if (!target)
        throw new ActionError(`upload-to-release: GitHub's answer for release ${tag} has no id or upload_url.`);
    refuseImmutable(release, target);
    return target;
}
/** The release of `tag`: published ones by tag, drafts (which that endpoint hides) by listing the releases. */
async function findReleaseByTag(github, owner, repo, tag) {
    const published = await github.call(`look up the release for tag ${tag} in ${owner}/${repo}`, async (request) => (await github.octokit.rest.repos.getReleaseByTag({ owner, repo, tag, request })).data, () => undefined);
    if (published)
        return published;
    const drafts = await everyPage(github, `list the releases of ${owner}/${repo} to find a draft for tag ${tag}`, (page, request) => github.octokit.rest.repos.listReleases({ owner, repo, per_page: 100, page, request }), (release) => release.tag_name === tag);
    return drafts[0];
}
function refuseImmutable(release, target) {
    if (release.immutable !== true || release.draft === true)
        return;
    const { tag, owner, repo } = target;
    throw new InputError(`upload-to-release: release ${tag} in ${owner}/${repo} is immutable: once published, it takes no new assets. ` +
        `Attach the files to a draft instead: create the release as a draft (\`gh release create ${tag} --draft\`), ` +
        `run this step with upload-to-release: ${tag}, then publish it (\`gh release edit ${tag} --draft=false\`). Nothing was submitted.`);
}
function toTarget(owner, repo, release) {
    if (typeof release.id !== 'number' || typeof release.tag_name !== 'string' || typeof release.upload_url !== 'string')
        return undefined;
    return {
        owner,
        repo,
        releaseId: release.id,
        tag: release.tag_name,
        uploadUrl: release.upload_url,
        htmlUrl: typeof release.html_url === 'string' ? release.html_url : '',
        ...(release.draft === true ? { draft: true } : {}),
    };
}
/** `upload-to-release: true`: the release in this run's event payload. */
async function releaseFromEvent(options) {
    if (options.eventName !== 'release') {
        const trigger = options.eventName ? `"${options.eventName}"` : 'an unknown event (GITHUB_EVENT_NAME is not set)';
        throw new InputError(`upload-to-release: true needs a release event (this run was triggered by ${trigger}); give a tag instead (upload-to-release: v1.2.3)`);
    }
    const payload = options.eventPayload;
    if (payload === undefined) {
        throw new ActionError('upload-to-release: cannot read the release event payload: GITHUB_EVENT_PATH is not set, or its file could not be read (a warning said why).');
    }
    const release = isObject(payload) ? payload.release : undefined;
    const fullName = isObject(payload) && isObject(payload.repository) ? payload.repository.full_name : undefined;
    const { owner, repo } = ownerAndRepo(options.repository || (typeof fullName === 'string' ? fullName : undefined));
    const target = isObject(release) ? toTarget(owner, repo, release) : undefined;
    if (!isObject(release) || !target) {
        throw new ActionError('upload-to-release: the release event payload has no release id, tag and upload_url.');
    }
    refuseImmutable(release, target);
    return target;
}
function ownerAndRepo(repository) {
    const parts = splitRepository(repository);
    if (!parts) {
        throw new InputError(`upload-to-release needs the repository as owner/repo, but GITHUB_REPOSITORY is ${repository ? JSON.stringify(repository) : 'not set'}.`);
    }
    return parts;
}

;// CONCATENATED MODULE: ./src/deliver/release-assets.ts
/**
 * Attaching files to a release as assets: one at a time, each upload streamed
 * from disk and retried, replacing what an earlier run or a failed attempt left
 * under the same name — never what this step attached itself.
 */










/** GitHub's answers to these calls are small; a bigger one is not GitHub. */
const MAX_ANSWER_BYTES = 1024 * 1024;
/** An asset a failed upload left under the name being uploaded: the next attempt deletes it first. */
const ASSET_IN_THE_WAY = {
    retrying: 'an asset with that name is in the way (left by a failed upload); deleting it and trying again',
    gaveUp: (tries) => `an asset with that name is still in the way after ${tries} attempts; delete it on the release page and run again.`,
};
/**
 * Attaches `files` to the release, one at a time (GitHub's advice against
 * secondary rate limits), and returns their download URLs. An asset of the
 * same name already on the release (from an earlier run) is replaced; a name
 * this step has already given (`options.taken`) is not: the file is attached
 * under the next free `name-2.ext`, the same way download-dir names files. Each
 * upload is retried on transient failures and rate limits within the
 * deadline; before a retry, whatever a failed upload left behind under that
 * name (a `starter` asset) is deleted, so each name ends with exactly one
 * complete asset. The timeout running out is a DeliveryTimeoutError.
 */
async function uploadReleaseAssets(target, files, options) {
    try {
        return await uploadEach(target, files, options);
    }
    catch (error) {
        // A GitHub call says the step's timeout ran out; here, that is delivering the files.
        throw error instanceof TimeoutError && !(error instanceof DeliveryTimeoutError)
            ? new DeliveryTimeoutError(error.message)
            : error;
    }
}
async function uploadEach(target, files, options) {
    if (files.length === 0)
        return [];
    sweepBuffersPromptly();
    const { owner, repo, releaseId, tag } = target;
    const octokit = await connect(options.token, options.apiUrl, options.log, options.userAgent);
    const github = new GitHubCalls(octokit, options, {
        notFound: `release ${tag} (id ${releaseId}) is not in ${owner}/${repo} any more; was it deleted while the job ran?`,
        permission: RELEASE_PERMISSION_HINT,
        inTheWay: ASSET_IN_THE_WAY,
    });
    const assets = new ReleaseAssets(github, target, options);
    let existing = await assets.list();
    const taken = options.taken ?? new Set();
    const urls = [];
    for (const [index, file] of files.entries()) {
        // The name it gets when nothing clashes (claimUniqueName also shortens long names).
        const wanted = claimUniqueName(releaseAssetName(file.name), new Set());
        const name = claimUniqueName(wanted, taken);
        if (name !== wanted) {
            options.log.warning(`Another file of this step is already attached to release ${target.tag} as ${wanted}: attaching ${file.absolutePath} as ${name} instead.`);
        }
        for (const old of existing.filter((asset) => releaseAssetName(asset.name) === name)) {
            options.log.info(`Replacing the asset ${old.name} already on release ${target.tag}.`);
            await assets.delete(old);
        }
        existing = existing.filter((asset) => releaseAssetName(asset.name) !== name);
        const url = await assets.upload(file.absolutePath, name, `${index + 1} of ${files.length}`);
        options.onAssetUploaded?.(url, name);
        urls.push(url);
    }
    return urls;
}
/** The assets of one release: list, delete, upload (each retried and bounded). */
class ReleaseAssets {
    github;
    target;
    options;
    uploadBase;
    where;
    constructor(github, target, options) {
        this.github = github;
        this.target = target;
        this.options = options;
        this.uploadBase = target.uploadUrl.replace(/\{[^}]*\}$/, '');
        this.where = `release ${target.tag}`;
    }
    async list() {
        const { owner, repo, releaseId } = this.target;
        const { octokit } = this.github;
        return everyPage(this.github, `list the assets of ${this.where}`, (page, request) => octokit.rest.repos.listReleaseAssets({ owner, repo, release_id: releaseId, per_page: 100, page, request }));
    }
    async delete(asset) {
        const { owner, repo } = this.target;
        await this.github.call(`delete the asset ${asset.name} from ${this.where}`, async (request) => {
            await this.github.octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: asset.id, request });
        }, 
        // Already gone (a concurrent re-run) is what we wanted.
        () => undefined);
    }
    /** Deletes whatever is on the release under `name`: what a failed upload may have left behind. */
    async clear(name) {
        for (const asset of await this.list()) {
            if (asset.name !== name)
                continue;
            this.options.log.info(`Deleting the ${asset.state && asset.state !== 'uploaded' ? `incomplete (${asset.state}) ` : ''}asset ${name} a failed upload left on ${this.where}.`);
            await this.delete(asset);
        }
    }
    /** Uploads one file as `name`, retried within the deadline; its browser_download_url. */
    async upload(file, name, position) {
        const { log } = this.options;
        const what = `${name} to ${this.where}`;
        let size;
        try {
            size = (await (0,promises_namespaceObject.stat)(file)).size;
        }
        catch (error) {
            throw new ActionError(`Could not upload ${what}: cannot read ${file} (${describeSystemError(error)}).`);
        }
        log.info(`Uploading ${name} (${formatBytes(size)}) to ${this.where} (${position}).`);
        const started = Date.now();
        const url = await this.github.retrying(`upload ${what}`, async (attempt) => {
            if (attempt > 1)
                await this.clear(name);
            return this.post(file, name, size);
        });
        log.info(`Uploaded ${name} to ${this.where} in ${formatDuration(Date.now() - started)}: ${url}`);
        return url;
    }
    /**
     * POSTs one file to the release's upload URL, streamed from disk, through
     * the shared HTTP exchange (which honours the runner's proxy settings)
     * rather than Octokit: Octokit sends with fetch, and undici's fetch keeps a
     * streamed request body in memory until the request ends
     * (nodejs/undici#4058), so a 1 GB asset would cost 1 GB of RAM.
     */
    async post(file, name, size) {
        const url = new URL(this.uploadBase);
        url.searchParams.set('name', name);
        const stream = (0,external_node_fs_namespaceObject.createReadStream)(file);
        let exchange;
        try {
            exchange = await openExchange({
                method: 'POST',
                url: url.href,
                headers: {
                    Authorization: `token ${this.options.token}`,
                    Accept: 'application/vnd.github+json',
                    'Content-Type': contentTypeForName(name),
                    // GitHub needs the length up front (no chunked uploads).
                    'Content-Length': String(size),
                },
                body: stream,
                userAgent: this.options.userAgent ?? USER_AGENT,
                deadline: this.options.deadline,
                idleTimeoutMs: this.options.requestTimeoutMs ?? 60_000,
                signal: this.options.signal,
            });
            const text = await exchange.readText(MAX_ANSWER_BYTES);
            const data = release_assets_parseJson(text);
            if (exchange.status === 201 || exchange.status === 200) {
                if (isObject(data) && typeof data.browser_download_url === 'string')
                    return data.browser_download_url;
                throw new ActionError(`Uploaded ${name}, but GitHub's answer has no browser_download_url.`);
            }
            throw GitHubCallError.from({ status: exchange.status, headers: exchange.response.headers, data });
        }
        catch (error) {
            throw transportProblem(error);
        }
        finally {
            exchange?.close();
            stream.destroy();
        }
    }
}
function release_assets_parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
/**
 * The name GitHub will keep for an asset. GitHub renames names with other
 * characters (`a b.png` becomes `a.b.png`); naming assets this way ourselves
 * means a re-run finds the asset it uploaded before, under the same name.
 */
function releaseAssetName(name) {
    const extension = /\.[A-Za-z0-9]{1,12}$/.exec(name)?.[0] ?? '';
    const stem = name
        .slice(0, name.length - extension.length)
        .replace(/[^A-Za-z0-9_-]+/g, '.')
        .replace(/\.{2,}/g, '.')
        .replace(/^\.+|\.+$/g, '');
    return `${stem || 'asset'}${extension}`;
}

;// CONCATENATED MODULE: ./src/deliver/release-sink.ts





/** The release that will receive the files, when `upload-to-release` asks for one. */
async function findRelease(config, context, deadline) {
    if (!config.uploadToRelease || config.dryRun)
        return undefined;
    return context.log.group('Checking the release', async () => {
        const target = await resolveReleaseTarget({
            upload: config.uploadToRelease,
            token: config.githubToken,
            apiUrl: config.github.apiUrl,
            repository: config.github.repository,
            eventName: config.github.eventName,
            eventPayload: context.event,
            log: context.log,
            signal: context.signal,
            deadline,
            userAgent: USER_AGENT,
        });
        const draft = target.draft ? ' (a draft: publish it after this step)' : '';
        context.log.info(`Files will be attached to release ${target.tag}${draft} (${target.htmlUrl}).`);
        return target;
    });
}
/** `<item>-` in a batch, so the assets of several runs do not clash. */
const prefixOf = (run) => (run.item === undefined ? '' : `${run.item}-`);
/**
 * `upload-to-release`: the run's files become the release's assets, one at a
 * time, each recorded as soon as it is attached.
 */
const releaseSink = {
    name: 'upload-to-release',
    wanted: ({ release }) => Boolean(release),
    async deliver(run, { config, context, deadline, release, assetNamesTaken }) {
        const { log } = context;
        await log.group(`Uploading ${plural(run.files.length, 'file')}${run.label} to release ${release.tag}`, () => uploadReleaseAssets(release, run.files.map((file) => {
            const absolutePath = external_node_path_namespaceObject.resolve(config.workspace, file.path);
            return { absolutePath, name: prefixOf(run) + external_node_path_namespaceObject.basename(absolutePath) };
        }), {
            token: config.githubToken ?? '',
            apiUrl: config.github.apiUrl,
            log,
            signal: context.signal,
            deadline,
            userAgent: USER_AGENT,
            onAssetUploaded: (url, name) => run.record.assetUploaded({ name, url }),
            taken: assetNamesTaken,
        }));
    },
    again(run, { release }) {
        // A run with job-id is a single run: its assets carry no item prefix.
        const prefix = prefixOf(run);
        const note = prefix ? `its release assets are then named without the "${prefix}" prefix` : undefined;
        return { input: `upload-to-release: ${release.tag}`, note };
    },
};

;// CONCATENATED MODULE: ./src/report/checksums.ts
/**
 * The checksums file: every downloaded file's sha256 in `sha256sum` format
 * (`<hex>  <path>`, paths relative to the workspace), written beside the
 * manifest. `sha256sum -c` checks it from the workspace, and
 * actions/attest-build-provenance takes it as `subject-checksums`.
 */



/** `renders/armox.json` → `renders/armox.sha256`: the checksums file beside a manifest. */
function checksumsPathFor(manifestPath) {
    const extension = external_node_path_namespaceObject.extname(manifestPath);
    const base = extension.toLowerCase() === '.json' ? manifestPath.slice(0, -extension.length) : manifestPath;
    return `${base}.sha256`;
}
/**
 * One line a file, as `sha256sum` writes it: a name holding a backslash or a
 * line break is escaped and its line starts with a backslash.
 */
function checksumLines(manifest) {
    const seen = new Set();
    let text = '';
    for (const file of manifest.runs.flatMap((run) => run.files)) {
        if (seen.has(file.path))
            continue;
        seen.add(file.path);
        const escaped = /[\\\n\r]/.test(file.path);
        const name = escaped ? file.path.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : file.path;
        text += `${escaped ? '\\' : ''}${file.sha256}  ${name}\n`;
    }
    return text;
}
/** Writes the checksums atomically (a temporary file, then a rename); false when there is no file to list. */
async function writeChecksums(filePath, manifest) {
    const text = checksumLines(manifest);
    if (text === '')
        return false;
    await (0,promises_namespaceObject.mkdir)(external_node_path_namespaceObject.dirname(filePath), { recursive: true });
    const temporary = `${filePath}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`;
    try {
        await (0,promises_namespaceObject.writeFile)(temporary, text, 'utf8');
        await (0,promises_namespaceObject.rename)(temporary, filePath);
    }
    catch (error) {
        await (0,promises_namespaceObject.rm)(temporary, { force: true });
        throw error;
    }
    return true;
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: external "node:stream/promises"
const external_node_stream_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");
;// CONCATENATED MODULE: ./src/report/manifest.ts
/**
 * The manifest: a JSON record of what one step did and what was paid for —
 * the app or model, each run's inputs, job, charge and files (with their
 * sha256), and the release assets. A user uploads it as an artifact or attaches
 * it to the release. The types below are the file's format (keys as written).
 */









/** Bumped when a key changes meaning or goes away (adding keys does not bump it). */
const MANIFEST_FORMAT = 1;
/** The head of a manifest: everything but the runs and assets. */
function manifestHeader(target, now = new Date(), rehearsal = false) {
    return {
        manifest_format: MANIFEST_FORMAT,
        action: { name: 'armox-app-action', version: VERSION },
        written_at: now.toISOString(),
        target: { kind: target.kind, id: target.id, name: target.name },
        rehearsal,
    };
}
/**
 * Size and sha256 of a downloaded file: the digest taken as it downloaded, or
 * else read back as a stream (memory stays flat whatever its size). `file` is a DownloadedFile: its `path` relative to the
 * workspace (or absolute) and the `url` it came from.
 */
async function describeFile(workspace, file) {
    const absolute = external_node_path_namespaceObject.resolve(workspace, file.path);
    const { size } = await (0,promises_namespaceObject.stat)(absolute);
    // The digest taken while the file streamed to disk, when it is of this very file; else read it back.
    const known = file.sha256 !== undefined && file.bytes === size ? file.sha256 : undefined;
    return {
        path: external_node_path_namespaceObject.relative(workspace, absolute).split(external_node_path_namespaceObject.sep).join('/'),
        bytes: size,
        sha256: known ?? (await hashFile(absolute)),
        source_url: file.url,
    };
}
async function hashFile(absolute) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    await (0,external_node_stream_promises_namespaceObject.pipeline)((0,external_node_fs_namespaceObject.createReadStream)(absolute), hash);
    return hash.digest('hex');
}
/**
 * Where the manifest goes by default: `RUNNER_TEMP/armox-manifest-<step>.json`,
 * one file per step (`step` is GITHUB_ACTION, the step's id), so two steps of
 * a job do not overwrite each other's. Falls back to the system temp folder.
 */
function defaultManifestPath(runnerTemp, step) {
    const name = (step ?? '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || (0,external_node_crypto_.randomBytes)(4).toString('hex');
    return external_node_path_namespaceObject.join(runnerTemp || (0,external_node_os_namespaceObject.tmpdir)(), `armox-manifest-${name}.json`);
}
/**
 * Writes the manifest as indented JSON, atomically: a temporary file beside it,
 * then a rename, so a reader never sees half a manifest. Creates the folder.
 */
async function writeManifest(filePath, manifest) {
    await (0,promises_namespaceObject.mkdir)(external_node_path_namespaceObject.dirname(filePath), { recursive: true });
    const temporary = `${filePath}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`;
    try {
        await (0,promises_namespaceObject.writeFile)(temporary, `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
        await (0,promises_namespaceObject.rename)(temporary, filePath);
    }
    catch (error) {
        await (0,promises_namespaceObject.rm)(temporary, { force: true });
        throw error;
    }
}
/** The manifest of a step as recorded: every run, its files hashed from disk, and the release assets. */
async function manifestOf(step, workspace, now = new Date()) {
    const target = step.target ?? { kind: 'app', id: '', name: '' };
    const runs = await Promise.all(step.runs.map(async (run) => ({
        item: step.perItem ? run.name : null,
        inputs: run.inputs ?? {},
        job_id: run.jobId ?? null,
        status: runStatus(run) ?? 'not-submitted',
        created_at: run.createdAt ?? null,
        completed_at: run.completedAt ?? null,
        credits_charged: runCharge(run),
        reused: run.reusedFrom !== undefined,
        reused_from: earlierJob(run.reusedFrom),
        borrowed_from: earlierJob(run.borrowedFrom),
        output_urls: fileUrlsOf(run.items),
        error_message: problemOf(run) ?? null,
        files: await Promise.all((run.files ?? []).map((file) => describeFile(workspace, file))),
    })));
    return {
        ...manifestHeader({ kind: target.kind, id: target.id, name: target.name ?? target.id }, now, step.rehearsal),
        runs,
        release_assets: step.runs.flatMap((run) => run.releaseAssets.map((asset) => ({ name: asset.name, url: asset.url }))),
        balance: step.balance
            ? { before: step.balance.before, after: step.balance.after ?? null, after_from: step.balance.afterFrom ?? null }
            : null,
    };
}
/** A job reused or borrowed, as the manifest names it. */
function earlierJob(job) {
    return job
        ? { job_id: job.jobId, created_at: job.createdAt ?? null, credits_charged: job.creditsCharged ?? null }
        : null;
}

;// CONCATENATED MODULE: ./src/deliver/manifest-sink.ts




/**
 * The manifest (`manifest`, or a file in RUNNER_TEMP): what was run and paid
 * for, written also when the step failed after paying. Nothing is written
 * before the target is known.
 */
const manifestSink = {
    name: 'the manifest',
    async deliver(step, { config, secrets }) {
        if (!config || !step.record.target)
            return;
        const file = config.manifest ?? defaultManifestPath(config.github.runnerTemp, config.github.action);
        // Redacted once made: the files are described from their paths as saved.
        const content = redactDeep(await manifestOf(step.record.snapshot(), config.workspace), secrets);
        try {
            await writeManifest(file, content);
        }
        catch (error) {
            throw new ActionError(`${file}: ${errorMessage(error)}`);
        }
        step.record.written('manifest', file);
        step.manifest = { file, content };
    },
};
/** The files' sha256 beside the manifest (`sha256sum` format), when there are files. */
const checksumsSink = {
    name: 'the checksums',
    async deliver(step) {
        if (!step.manifest)
            return;
        const file = checksumsPathFor(step.manifest.file);
        if (await writeChecksums(file, step.manifest.content))
            step.record.written('checksums', file);
    },
};

;// CONCATENATED MODULE: ./src/report/markdown.ts
/**
 * Text from outside (Armox, storage, event payloads) made inert for GitHub
 * markdown: it cannot add markup or links, ping people, or reorder what is
 * shown. URLs in it stay valid links.
 */
/** Bidirectional controls (U+202A–U+202E, U+2066–U+2069): they can make `invoice\u202Egnp.exe` read as `invoice.exe`. */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;
/** `@name` and `@org/team`: GitHub pings them. A word joiner after the `@` keeps the text and drops the ping. */
const MENTION = /@(?=[A-Za-z0-9])/g;
/** A bare http(s) URL in server text; trailing punctuation belongs to the sentence. */
const URL_IN_TEXT = /https?:\/\/[^\s<>"'`]*[^\s<>"'`.,;:!?]/g;
/** Visible `<U+202E>` instead of the control itself. */
function withoutBidi(text) {
    return text.replace(BIDI, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase()}>`);
}
/** Text for an HTML attribute or element body: no markup. */
function escapeHtml(text) {
    return withoutBidi(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** Text shown as text inside HTML (a caption, a summary): also no pings. */
function htmlText(text) {
    return escapeHtml(text).replace(MENTION, '@\u2060');
}
/**
 * Server text as one line of markdown: punctuation escaped, no HTML, no
 * mentions; a URL in it becomes a link to itself (never a backslash inside it).
 */
function inline(text) {
    const flat = text.replace(/\r?\n/g, ' ');
    let out = '';
    let at = 0;
    for (const match of flat.matchAll(URL_IN_TEXT)) {
        const url = balancedUrl(match[0]);
        out += escapeProse(flat.slice(at, match.index));
        out += markdown_link(url, url);
        at = match.index + url.length;
    }
    return out + escapeProse(flat.slice(at));
}
/** `https://x/(a)` keeps its `)`; `(see https://x/a)` does not: a closing bracket without its opener ends the sentence. */
function balancedUrl(url) {
    let end = url.length;
    for (;;) {
        const last = url[end - 1];
        const open = last === ')' ? '(' : last === ']' ? '[' : last === '}' ? '{' : undefined;
        if (!open)
            break;
        const text = url.slice(0, end);
        if (text.split(open).length >= text.split(last).length)
            break;
        end -= 1;
    }
    return url.slice(0, end).replace(/[.,;:!?]+$/, '');
}
function escapeProse(text) {
    const html = withoutBidi(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return html.replace(MENTION, '@\u2060').replace(/[\\`*_{}[\]()#+\-!|~]/g, (c) => `\\${c}`);
}
/** `<code>` with the text: inert whatever it holds. */
function code(text, title) {
    const attribute = title ? ` title="${escapeHtml(title)}"` : '';
    return `<code${attribute}>${escapeHtml(text)}</code>`;
}
/** A link whose label is shown as text. */
function markdown_link(label, url) {
    return `<a href="${escapeHtml(url)}">${htmlText(label)}</a>`;
}
/**
 * A fenced block holding `text` as written: the fence is longer than any run
 * of backticks in it, so the text cannot close it. Only bidi controls change.
 */
function fenced(text, language = '') {
    const body = withoutBidi(text.replace(/\r\n?/g, '\n').replace(/\n+$/, ''));
    const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((run) => run[0].length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return [`${fence}${language}`, body, fence];
}
/** A job id as its first 8 characters, the full id in the title (hover) and the manifest. */
function shortId(id) {
    return id.length > 12 ? code(id.slice(0, 8), id) : code(id);
}
/** The last path segment of a URL, decoded: how a file is named in a caption. */
function fileName(url) {
    try {
        const last = new URL(url).pathname.split('/').filter(Boolean).pop() ?? url;
        return decodeURIComponent(last);
    }
    catch {
        return url;
    }
}
function byteLength(lines) {
    return lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
}

;// CONCATENATED MODULE: ./src/report/headline.ts
/** The status line the summary and the pull-request comment open with, and the icon of each run. */



const ICONS = {
    completed: '✅',
    failed: '❌',
    cancelled: '🚫',
    'timed-out': '⏱️',
    submitted: '📨',
    running: '⏳',
    skipped: '⏭️',
    'dry-run': '🧪',
    error: '❌',
};
const WORDS = {
    completed: 'completed',
    failed: 'failed',
    cancelled: 'cancelled',
    'timed-out': 'timed out',
    submitted: 'submitted (not waited for)',
    running: 'still running',
    skipped: 'skipped',
    'dry-run': 'dry run: nothing submitted',
    error: 'error',
};
/** The order the counts are told in, after "n of m completed". */
const COUNTED = ['failed', 'error', 'timed-out', 'cancelled', 'skipped', 'running', 'submitted'];
/** A run's icon: its outcome's, or ⚠️ when it completed but its files were not delivered. */
function runIcon(run) {
    if (run.outcome === 'completed' && run.deliveryError)
        return '⚠️';
    return ICONS[run.outcome ?? 'running'];
}
/** The inputs were refused before anything was sent: the contract was recorded, no request. */
function inputsRefused(step) {
    return step.outcome === 'error' && step.dryRun !== undefined && step.dryRun.requests.length === 0;
}
/** `Armox · Poster Campaign (image model)`: what ran. */
function targetTitle(step) {
    const target = step.target;
    if (!target)
        return 'Armox run';
    const note = kindNamed(target.kind)?.titleNote(target);
    const kind = note ? ` (${htmlText(note)})` : '';
    return `Armox · ${target.name ? htmlText(target.name) : code(target.id)}${kind}`;
}
/**
 * `❌ Armox · Poster: 4 of 6 completed · 1 failed · 1 skipped · 800 credits`
 * for a batch; `✅ Armox · Poster: completed · 1000 credits · 1m35s` for one run.
 */
function headline(step) {
    const outcome = step.outcome ?? 'error';
    const parts = [inputsRefused(step) ? 'inputs invalid: nothing submitted, 0 credits' : WORDS[outcome]];
    if (step.perItem && step.runs.length > 1 && outcome !== 'dry-run')
        parts.splice(0, 1, ...batchCounts(step.runs));
    if (step.creditsCharged !== undefined && !inputsRefused(step))
        parts.push(`${step.creditsCharged} credits`);
    const took = step.finishedAt !== undefined ? step.finishedAt - step.startedAt : 0;
    if (took >= 1000)
        parts.push(formatDuration(took));
    return `${ICONS[outcome]} ${targetTitle(step)}: ${parts.join(' · ')}`;
}
function batchCounts(runs) {
    const count = (outcome) => runs.filter((run) => run.outcome === outcome).length;
    const counts = [`${count('completed')} of ${runs.length} completed`];
    for (const outcome of COUNTED) {
        const n = count(outcome);
        if (n > 0)
            counts.push(`${n} ${WORDS[outcome]}`);
    }
    const undelivered = runs.filter((run) => run.outcome === 'completed' && run.deliveryError).length;
    if (undelivered > 0)
        counts.push(`${undelivered} undelivered`);
    const pending = runs.filter((run) => run.outcome === undefined).length;
    if (pending > 0)
        counts.push(`${pending} not started`);
    return counts;
}

;// CONCATENATED MODULE: ./src/report/gallery.ts
/** A batch in the summary: its problems first, a gallery of every item, the runs table folded. */





/** Thumbnails per gallery row: five 150 px cells fill GitHub's 910 px page. */
const COLUMNS = 5;
const THUMB_PX = 150;
/** A line of server text (an item's problem) shows at most this many characters. */
const LINE_CHARS = 600;
/** A text output's excerpt in a gallery cell. */
const EXCERPT_CHARS = 80;
/** What the gallery and the table may take of a batch summary: 100 items stay under 30,000 characters. */
const GALLERY_SHARE = 0.55;
const BATCH_SOFT_LIMIT = 28_000;
/** `- ❌ **c**: the job failed: …`, one wrapped bullet per item that did not give its results. */
function renderProblems(runs, budget) {
    const failing = runs.filter((run) => problemOf(run) !== undefined);
    if (failing.length === 0)
        return [];
    const bullets = lazy(failing, (run) => `- ${runIcon(run)} <b>${htmlText(run.name)}</b>: ${inline(clip(problemOf(run), LINE_CHARS))}`);
    const lines = ['### Problems', ''];
    const shown = appendWithin(lines, bullets, budget);
    if (shown < failing.length)
        lines.push(`- _${failing.length - shown} more: every item is in the results output._`);
    return [...lines, ''];
}
/**
 * The gallery (every item's first output, captioned with its icon and name)
 * and the runs table, folded when every run completed. Each takes a share of
 * a budget of about 28,000 characters (or `budget`, when smaller); what does not
 * fit is said, and is in the results output.
 */
function renderBatch(step, budget) {
    const room = Math.min(budget, BATCH_SOFT_LIMIT);
    const lines = gallery(step.runs, room * GALLERY_SHARE);
    const allCompleted = step.runs.every((run) => run.outcome === 'completed' && !run.deliveryError);
    const table = runsTable(step.runs, room - byteLength(lines));
    if (allCompleted)
        lines.push('<details><summary>Runs</summary>', '', ...table, '</details>', '');
    else
        lines.push('### Runs', '', ...table);
    const reused = step.runs.flatMap((run) => run.reusedFrom ? [`- ${inline(run.name)}: reused ${reusedText(run)}`] : []);
    if (reused.length > 0) {
        const list = [];
        const shown = appendWithin(list, reused, budget - byteLength(lines));
        lines.push('**Reused jobs**', '', ...list, ...(shown < reused.length ? [`- _${reused.length - shown} more_`] : []), '');
    }
    const assets = step.runs.flatMap((run) => run.releaseAssets.map((asset) => markdown_link(asset.name, asset.url)));
    if (assets.length > 0) {
        const list = [];
        const shown = appendWithin(list, [assets.join(' · ')], budget - byteLength(lines));
        lines.push('**Release assets**', '', ...list, ...(shown ? [] : [`_${assets.length} assets: see the release._`]), '');
    }
    return lines;
}
/** The gallery of `runs` (the first `limit` of them), as many rows as fit in `budget` bytes. */
function gallery(runs, budget, limit = runs.length) {
    const cells = [];
    let used = 0;
    for (const run of runs.slice(0, limit)) {
        const next = cell(run);
        if (used + next.length + 10 > budget)
            break;
        cells.push(next);
        used += next.length + 10;
    }
    const shown = cells.length;
    const rows = [];
    for (let at = 0; at < cells.length; at += COLUMNS)
        rows.push(`<tr>${cells.slice(at, at + COLUMNS).join('')}</tr>`);
    if (rows.length === 0)
        return [];
    const more = shown < limit ? [`_${limit - shown} more items are in the table below._`, ''] : [];
    return ['<table>', ...rows, '</table>', '', ...more];
}
/** One gallery cell: a linked thumbnail (or a link to a video, a file, a text excerpt), then icon and name. */
function cell(run) {
    const caption = `${runIcon(run)} ${htmlText(run.name)}`;
    const first = run.items.find((item) => item.kind !== 'text');
    const text = run.items.find((item) => item.kind === 'text');
    let preview = '';
    if (first?.kind === 'image') {
        const url = htmlText(first.value);
        preview = `<a href="${url}"><img src="${url}" width="${THUMB_PX}" alt="${htmlText(run.name)}"></a><br>`;
    }
    else if (first) {
        const icon = first.kind === 'video' ? '🎬' : first.kind === 'audio' ? '🔊' : '📄';
        preview = `${icon} ${markdown_link(clip(fileName(first.value), 24), first.value)}<br>`;
    }
    else if (text) {
        preview = `<sub>${htmlText(clip(text.value.replace(/\s+/g, ' '), EXCERPT_CHARS))}</sub><br>`;
    }
    return `<td align="center" valign="top">${preview}${caption}</td>`;
}
/** `| ✅ | shot-1 | 10 | 1m2s | <code>0f3a9c1e</code> |`: one row per run, as many as fit. */
function runsTable(runs, budget) {
    const lines = ['| | Item | Credits | Duration | Job |', '| --- | --- | --- | --- | --- |'];
    const rows = lazy(runs, (run) => {
        const took = run.startedAt !== undefined && run.finishedAt !== undefined ? run.finishedAt - run.startedAt : 0;
        const notes = [run.reusedFrom ? 'reused' : '', run.deliveryError ? 'files not delivered' : '']
            .filter(Boolean)
            .map((note) => ` (${note})`)
            .join('');
        const job = run.jobId ? shortId(run.jobId) : '';
        return `| ${runIcon(run)} | ${inline(run.name)}${notes} | ${run.creditsCharged ?? ''} | ${took >= 1000 ? formatDuration(took) : ''} | ${job} |`;
    });
    const shown = appendWithin(lines, rows, budget);
    lines.push('');
    if (shown < runs.length)
        lines.push(`_${runs.length - shown} more items are left out of this table; every item is in the results output._`, '');
    return lines;
}
/** Appends lines (made as needed: a batch can be 20,000 runs) while the total stays within `budget` bytes; returns how many fit. */
function appendWithin(lines, blocks, budget) {
    let used = byteLength(lines);
    let count = 0;
    for (const block of blocks) {
        if (used + Buffer.byteLength(block) + 1 > budget)
            break;
        lines.push(block);
        used += Buffer.byteLength(block) + 1;
        count += 1;
    }
    return count;
}
/** `job <code>0f3a…</code>, created …, charged 40 credits then; nothing charged now`. */
function reusedText(run) {
    const from = run.reusedFrom;
    const when = from.createdAt ? `, created ${inline(from.createdAt)}` : '';
    const charged = from.creditsCharged !== undefined ? `, charged ${from.creditsCharged} credits then` : '';
    return `job ${shortId(from.jobId)}${when}${charged}; nothing charged now`;
}
/** `list` mapped one at a time, as a loop asks for them. */
function* lazy(list, map) {
    for (const item of list)
        yield map(item);
}

;// CONCATENATED MODULE: ./src/report/rehearsal-banner.ts
/**
 * The banner a rehearsal's summary and pull-request comment open with (a
 * GitHub alert), or undefined for a real run. It names the borrowed jobs, so
 * no one takes their files for results of these inputs.
 */
function rehearsalBanner(step) {
    if (!step.rehearsal)
        return undefined;
    // Ids come from Armox: only their safe characters reach the markdown.
    const ids = [...new Set(step.runs.flatMap((run) => (run.borrowedFrom ? [run.borrowedFrom.jobId] : [])))].map((id) => `\`${id.replace(/[^A-Za-z0-9_.-]/g, '?')}\``);
    const source = ids.length === 0
        ? 'Earlier completed jobs of the same app or model stand in for the runs'
        : ids.length === 1
            ? `The results below are those of job ${ids[0]}, an earlier completed run of the same app or model`
            : `The results below are those of jobs ${ids.join(', ')}, earlier completed runs of the same app or model`;
    return ('> [!WARNING]\n' +
        `> **Rehearsal**: nothing was submitted and nothing was charged. ${source}, whose inputs may differ: ` +
        'they were not made for this run.');
}

;// CONCATENATED MODULE: ./src/report/summary.ts








/** GitHub drops a step summary over 1 MiB; a batch's previews stop well before that. */
const SUMMARY_BUDGET_BYTES = 900 * 1024;
/** The problems list of a batch: the first ones, the rest are in the results output. */
const PROBLEMS_BYTES = 16 * 1024;
/** A text output longer than this many lines or characters is folded in `<details>`. */
const FOLD_LINES = 20;
const FOLD_CHARS = 2000;
/** A multi-line error (the contract's table with it) shows at most this many characters. */
const BLOCK_CHARS = 20_000;
/**
 * The `$GITHUB_STEP_SUMMARY` section for the step, as GitHub-flavoured
 * markdown: a headline with the counts, then one run in detail, or a batch as
 * its problems, a gallery and a folded table. Everything that came from outside
 * is inert: escaped, fenced, or an attribute; it cannot add markup, links or pings.
 */
function renderSummary(step) {
    const lines = [`## ${headline(step)}`, ''];
    const banner = rehearsalBanner(step);
    if (banner)
        lines.push(banner, '');
    const single = singleRunOf(step);
    const facts = factsLine(step, single);
    if (facts)
        lines.push(facts, '');
    const batch = !single && step.runs.length > 0;
    const runProblems = batch && step.runs.some((run) => problemOf(run) !== undefined);
    if (step.errorMessage && step.outcome !== 'completed' && !runProblems)
        lines.push(...errorSection(step));
    if (step.nextSteps.length > 0) {
        lines.push('**What to do next**', '', ...step.nextSteps.map((next) => `- ${inline(next)}`), '');
    }
    for (const note of step.notes)
        lines.push(`> ${inline(note)}`, '');
    if (single)
        lines.push(...renderRun(single));
    else if (batch) {
        lines.push(...renderProblems(step.runs, PROBLEMS_BYTES));
        lines.push(...renderBatch(step, SUMMARY_BUDGET_BYTES - byteLength(lines)));
    }
    if (step.dryRun)
        lines.push(...renderDryRun(step, SUMMARY_BUDGET_BYTES - byteLength(lines)));
    return lines.join('\n');
}
/** `App <code>…</code> · job <code>0f3a…</code>`: what a reader needs to find the run again. */
function factsLine(step, single) {
    const facts = [];
    if (step.target)
        facts.push(`${kindNamed(step.target.kind)?.label ?? 'Target'} ${code(step.target.id)}`);
    if (single?.jobId)
        facts.push(`job ${shortId(single.jobId)}`);
    if (single?.reusedFrom)
        facts.push(`reused ${reusedText(single)}`);
    if (step.balance)
        facts.push(`balance ${balanceText(step.balance)}`);
    return facts.join(' · ');
}
/** `100000 → 99930 credits`; only the balance before when the step sent nothing it could read again. */
function balanceText({ before, after }) {
    return after === undefined || after === before ? `${before} credits` : `${before} → ${after} credits`;
}
/**
 * The step's error once: its sentences as wrapped text and bullets; a block
 * after a blank line (the contract's table) folded and fenced, so its columns
 * stay aligned. A refused input's contract is in the dry-run part instead.
 */
function errorSection(step) {
    const text = step.errorMessage.replace(/\r\n?/g, '\n');
    const blank = text.search(/\n\s*\n/);
    const prose = (blank < 0 ? text : text.slice(0, blank)).split('\n').filter((line) => line.trim());
    const rest = blank < 0 ? '' : text.slice(blank).trim();
    const lines = ['**Error**', ''];
    for (const line of prose) {
        const bullet = /^\s*- /.test(line);
        // Consecutive bullets make one tight list; a sentence is a paragraph of its own.
        if (!bullet && lines[lines.length - 1] !== '')
            lines.push('');
        lines.push(bullet ? `- ${inline(line.replace(/^\s*- /, ''))}` : inline(line));
        if (!bullet)
            lines.push('');
    }
    if (lines[lines.length - 1] !== '')
        lines.push('');
    if (rest && !inputsRefused(step)) {
        lines.push('<details><summary>Details</summary>', '', ...fenced(clip(rest, BLOCK_CHARS), 'text'), '', '</details>', '');
    }
    return lines;
}
function renderRun(run) {
    const lines = renderOutputs(run.items);
    if (run.files && run.files.length > 0) {
        const bytes = run.files.reduce((sum, file) => sum + file.bytes, 0);
        const names = run.files.map((file) => code(file.path)).join(', ');
        lines.push(`Saved ${plural(run.files.length, 'file')} (${formatBytes(bytes)}): ${names}`, '');
    }
    if (run.releaseAssets.length > 0) {
        lines.push('### Release assets', '', ...run.releaseAssets.map((a) => `- ${markdown_link(a.name, a.url)}`), '');
    }
    return lines;
}
function renderOutputs(items) {
    const lines = [];
    const images = items.filter((item) => item.kind === 'image');
    if (images.length > 0) {
        const previews = images.map((item) => `<a href="${htmlText(item.value)}"><img src="${htmlText(item.value)}" alt="${htmlText(fileName(item.value))}" width="320"></a>`);
        lines.push(previews.join(' '), '');
    }
    for (const item of items.filter((entry) => entry.kind !== 'image' && entry.kind !== 'text')) {
        const icon = item.kind === 'video' ? '🎬' : item.kind === 'audio' ? '🔊' : '📄';
        lines.push(`- ${icon} ${markdown_link(fileName(item.value), item.value)}`);
    }
    if (lines.length > 0 && lines[lines.length - 1] !== '')
        lines.push('');
    for (const item of items.filter((entry) => entry.kind === 'text'))
        lines.push(...textOutput(item));
    return lines;
}
/** A text output as written, in a fence; a long one folded. */
function textOutput(item) {
    const name = `<b>${htmlText(item.key || 'text')}</b>`;
    const long = item.value.length > FOLD_CHARS || item.value.split('\n').length > FOLD_LINES;
    const block = fenced(clip(item.value, BLOCK_CHARS), 'text');
    if (!long)
        return [name, '', ...block, ''];
    return [`<details><summary>${name} (${item.value.length} characters)</summary>`, '', ...block, '', '</details>', ''];
}
/** The requests (as many as fit in `budget` bytes: a large batch has many), the contract and a skeleton. */
function renderDryRun(step, budget) {
    const dryRun = step.dryRun;
    const many = dryRun.requests.length > 1;
    const blocks = dryRun.requests.map((request) => [
        ...(many ? [`<b>${htmlText(request.name)}</b>`, ''] : []),
        ...fenced(JSON.stringify(request.body, null, 2), 'json'),
        '',
    ]);
    const requests = [];
    const room = budget - 2048 - byteLength([dryRun.contract, dryRun.skeleton]);
    let used = 0;
    let shown = 0;
    for (const block of blocks) {
        if (used + byteLength(block) > room)
            break;
        requests.push(...block);
        used += byteLength(block);
        shown += 1;
    }
    if (shown < blocks.length)
        requests.push(`_${blocks.length - shown} more requests are left out of this summary._`, '');
    const ready = inputsRefused(step) ? 'A ready-to-paste <code>inputs</code> block' : 'Ready-to-paste inputs';
    return [
        ...(blocks.length > 0 ? [`### Request${many ? 's' : ''} that would be sent`, '', ...requests] : []),
        '<details><summary>Contract</summary>',
        '',
        ...fenced(dryRun.contract, 'text'),
        '',
        '</details>',
        '',
        `**${ready}**`,
        '',
        ...fenced(dryRun.skeleton, 'yaml'),
        '',
    ];
}

;// CONCATENATED MODULE: ./src/deliver/summary-sink.ts

/** The job summary (GITHUB_STEP_SUMMARY), rendered from the redacted record. */
const summarySink = {
    name: 'the job summary',
    // Redacted before rendering: markdown escaping would hide the key from the runner's masking.
    deliver: (step, context) => context.writeSummary(renderSummary(step.snapshot())),
};

;// CONCATENATED MODULE: ./src/report/comment-digest.ts
/**
 * The pull-request comment: a reviewer's digest of the step, not a copy of
 * the summary. The headline, the problems, at most a dozen previews, and the
 * commit it reflects (it is updated in place); the workflow run has the rest.
 */






/** Previews a comment shows at most: a reviewer looks, the run's summary has them all. */
const COMMENT_PREVIEWS = 12;
/** What the problems list may take of a comment. */
const comment_digest_PROBLEMS_BYTES = 8 * 1024;
function renderCommentDigest(step, context) {
    const lines = [`### ${headline(step)}`, ''];
    const banner = rehearsalBanner(step);
    if (banner)
        lines.push(banner, '');
    const facts = [];
    if (context.sha)
        facts.push(`for commit ${code(context.sha.slice(0, 7), context.sha)}`);
    const single = singleRunOf(step);
    if (single?.jobId)
        facts.push(`job ${shortId(single.jobId)}`);
    if (facts.length > 0)
        lines.push(`<sub>${facts.join(' · ')}</sub>`, '');
    const batch = !single && step.runs.length > 0;
    const problem = single ? (problemOf(single) ?? step.errorMessage) : step.errorMessage;
    const listed = batch && step.runs.some((run) => problemOf(run) !== undefined);
    if (problem && step.outcome !== 'completed' && !listed)
        lines.push(...quoted(problem));
    if (single)
        lines.push(...singlePreviews(single.items));
    else if (batch) {
        lines.push(...renderProblems(step.runs, comment_digest_PROBLEMS_BYTES));
        lines.push(...gallery(step.runs, 40_000, COMMENT_PREVIEWS).filter((line) => !line.startsWith('_')));
    }
    const hidden = Math.max(0, previewCount(step) - COMMENT_PREVIEWS);
    const rest = context.runUrl ? markdown_link('the workflow run', context.runUrl) : "the workflow run's summary";
    if (hidden > 0)
        lines.push(`_${hidden} more previews, the runs table and the files are in ${rest}._`, '');
    return lines.join('\n');
}
function previewCount(step) {
    return singleRunOf(step)?.items.length ?? step.runs.length;
}
/** One run's outputs: images side by side, media as links, texts folded; at most a dozen. */
function singlePreviews(items) {
    const shown = items.slice(0, COMMENT_PREVIEWS);
    const images = shown.filter((item) => item.kind === 'image');
    const lines = [];
    if (images.length > 0) {
        const width = images.length > 2 ? 200 : 320;
        const tags = images.map((item) => {
            const url = htmlText(item.value);
            return `<a href="${url}"><img src="${url}" width="${width}" alt="${htmlText(fileName(item.value))}"></a>`;
        });
        lines.push(tags.join(' '), '');
    }
    for (const item of shown.filter((entry) => entry.kind !== 'image' && entry.kind !== 'text')) {
        lines.push(`- ${markdown_link(fileName(item.value), item.value)}`);
    }
    if (lines.length > 0 && lines[lines.length - 1] !== '')
        lines.push('');
    for (const item of shown.filter((entry) => entry.kind === 'text')) {
        const block = textOutput(item);
        lines.push(...(block[0].startsWith('<details>') ? block : foldShort(block)));
    }
    return lines;
}
/** A short text output in the comment is folded too: the comment stays a digest. */
function foldShort(block) {
    const [name, , ...rest] = block;
    return [`<details open><summary>${name}</summary>`, '', ...rest, '</details>', ''];
}
/** The error's sentences (up to its first blank line, at most 6 lines) as a quote. */
function quoted(text) {
    const head = text
        .replace(/\r\n?/g, '\n')
        .split(/\n\s*\n/)[0]
        .split('\n')
        .slice(0, 6);
    return [...head.map((line) => `> ${inline(line)}`), ''];
}

;// CONCATENATED MODULE: ./src/report/markdown-cut.ts
/**
 * Cutting markdown to a size without breaking it: only between lines, never
 * inside a fenced block or an HTML element (`<details>`, `<table>`), so what
 * is kept renders as it would have whole.
 */
const OPEN_TAG = /<(details|table|tr|td|p|sub|b|a|code)\b[^>]*>/gi;
const CLOSE_TAG = /<\/(details|table|tr|td|p|sub|b|a|code)\s*>/gi;
/**
 * The longest prefix of `text`, cut at a line end where no fence or tag is
 * open, that fits in `max` characters; the whole text when it fits.
 */
function cutAtSafeLine(text, max) {
    if (text.length <= max)
        return { kept: text, cut: false };
    const lines = text.split('\n');
    let fence;
    let depth = 0;
    let length = 0;
    let safe = 0;
    for (let index = 0; index < lines.length; index++) {
        const line = lines[index];
        length += line.length + (index > 0 ? 1 : 0);
        if (length > max)
            break;
        const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
        if (fence) {
            if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker)
                fence = undefined;
        }
        else if (marker) {
            fence = marker;
        }
        else {
            depth += (line.match(OPEN_TAG)?.length ?? 0) - (line.match(CLOSE_TAG)?.length ?? 0);
        }
        if (!fence && depth <= 0)
            safe = length;
    }
    return { kept: text.slice(0, safe).replace(/\s+$/, ''), cut: true };
}

;// CONCATENATED MODULE: ./src/report/pr-comment.ts
/**
 * Previews on the pull request (`comment-on-pr`): one comment per workflow,
 * job and step, created on the first run and updated in place on later ones,
 * found again by a hidden marker. Writing it is never what fails the step: the
 * paid result was already delivered, so every failure is a warning to log.
 */




/** The events whose runs belong to a pull request (issue_comment only on a pull request). */
const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target', 'issue_comment'];
/** GitHub refuses comment bodies longer than this many characters. */
const MAX_COMMENT_CHARS = 65_536;
const MARKER_PREFIX = '<!-- armox-app-action:';
const PERMISSION_HINT = 'Give the job `permissions: pull-requests: write` (pull requests from forks get a read-only token, ' +
    'so they cannot be commented on from a `pull_request` run).';
/**
 * The hidden marker that finds this step's comment again. Built from
 * GITHUB_WORKFLOW, GITHUB_JOB and GITHUB_ACTION (the step's id, or `__owner_repo`
 * / `__owner_repo_2` for steps without one), so two steps keep two comments.
 * `extra` tells apart comments that share all three (matrix legs, for example).
 */
function commentMarker(ids) {
    const parts = [ids.workflow, ids.job, ids.action, ...(ids.extra ? [ids.extra] : [])];
    // Encoded so no value can close the HTML comment (`-->`) or span lines.
    return `${MARKER_PREFIX} ${parts.map((part) => encodeURIComponent(part ?? '')).join(' / ')} -->`;
}
/** `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`, or undefined when one is missing. */
function workflowRunUrl(env) {
    if (!env.repository || !env.runId)
        return undefined;
    const server = (env.serverUrl || 'https://github.com').replace(/\/+$/, '');
    const attempt = env.runAttempt && env.runAttempt !== '1' ? `/attempts/${encodeURIComponent(env.runAttempt)}` : '';
    return `${server}/${env.repository}/actions/runs/${encodeURIComponent(env.runId)}${attempt}`;
}
/**
 * The whole comment: the marker first (that is how it is found again), the
 * body, and the link to the workflow run. A body over GitHub's limit is cut
 * between lines, never inside a fence or a tag, and says what was left out.
 */
function renderCommentBody(marker, body, runUrl) {
    const footer = runUrl ? `\n\n<sub>[Workflow run](${runUrl}) · armox-app-action</sub>` : '';
    const text = body.trim();
    const room = MAX_COMMENT_CHARS - marker.length - 1 - footer.length;
    const { kept, cut } = cutAtSafeLine(text, room - CUT_NOTE_ROOM);
    if (!cut)
        return `${marker}\n${text}${footer}`;
    const left = text.split('\n').length - kept.split('\n').length;
    const note = `\n\n_The last ${left} lines are left out: the comment is too long. The workflow run's summary has everything._`;
    return `${marker}\n${kept}${note}${footer}`;
}
/** Room kept for the line that says a comment was cut. */
const CUT_NOTE_ROOM = 200;
/** The pull request's number when the event belongs to one, else undefined. */
function pullRequestNumber(eventName, payload) {
    if (!eventName || !PULL_REQUEST_EVENTS.includes(eventName) || !isObject(payload))
        return undefined;
    if (eventName === 'issue_comment') {
        const issue = payload.issue;
        return isObject(issue) && isObject(issue.pull_request) && typeof issue.number === 'number'
            ? issue.number
            : undefined;
    }
    const pull = payload.pull_request;
    if (isObject(pull) && typeof pull.number === 'number')
        return pull.number;
    return typeof payload.number === 'number' ? payload.number : undefined;
}
/**
 * Creates this step's comment on the pull request, or updates the one an
 * earlier run left. Never throws: a refusal or a failure comes back as a
 * warning, because the paid result was delivered already.
 */
async function publishPullRequestComment(options) {
    const number = pullRequestNumber(options.eventName, options.eventPayload);
    if (number === undefined) {
        const event = options.eventName ? `a ${options.eventName} event` : 'an unknown event';
        const onIssue = options.eventName === 'issue_comment' ? ' on an issue, not a pull request' : '';
        return skipped(`comment-on-pr: no pull request to comment on (this run was triggered by ${event}${onIssue}).`);
    }
    const repository = splitRepository(options.repository);
    if (!repository)
        return failed(`GITHUB_REPOSITORY is ${JSON.stringify(options.repository ?? '')}, not owner/repo.`);
    if (!options.token) {
        return failed('github-token is empty: pass `github-token: ${{ github.token }}`. ' + PERMISSION_HINT);
    }
    const target = { ...repository, number };
    const text = renderCommentBody(options.marker, options.body, options.runUrl);
    try {
        const octokit = await connect(options.token, options.apiUrl, options.log);
        const github = new GitHubCalls(octokit, { signal: options.signal, deadline: options.deadline, log: options.log, attempts: 3, ...options.calls }, { permission: PERMISSION_HINT });
        const existing = await findComment(github, target, options.marker, options.log);
        const { data } = existing
            ? await github.call(`update comment ${existing} on pull request #${number}`, (request) => octokit.rest.issues.updateComment({ ...repoOf(target), comment_id: existing, body: text, request }))
            : await github.call(`comment on pull request #${number}`, (request) => octokit.rest.issues.createComment({ ...repoOf(target), issue_number: number, body: text, request }));
        const done = existing ? 'Updated the comment on' : 'Commented on';
        return {
            outcome: existing ? 'updated' : 'created',
            url: data.html_url,
            message: `${done} pull request #${number}: ${data.html_url}`,
            level: 'info',
        };
    }
    catch (error) {
        return refusal(error);
    }
}
const repoOf = (target) => ({ owner: target.owner, repo: target.repo });
/**
 * The oldest comment an earlier run of this step wrote: it starts with the
 * marker and was written by the token's account. Anyone can copy the marker
 * into a comment of their own; updating theirs would put the previews under
 * their name, where they could change them later.
 */
async function findComment(github, target, marker, log) {
    const comments = await everyPage(github, `list the comments of pull request #${target.number}`, (page, request) => github.octokit.rest.issues.listComments({
        ...repoOf(target),
        issue_number: target.number,
        per_page: 100,
        page,
        request,
    }), (comment) => (comment.body ?? '').trimStart().startsWith(marker));
    if (comments.length === 0)
        return undefined;
    const login = await tokenLogin(github);
    const mine = comments.find((comment) => comment.user?.login === login);
    if (!mine) {
        const authors = [...new Set(comments.map((comment) => comment.user?.login ?? 'an unknown user'))].join(', ');
        log.info(`comment-on-pr: not updating the comment with this step's marker by ${authors}: it was not written by this token's account (${login}).`);
    }
    return mine?.id;
}
/** The login GITHUB_TOKEN writes as. */
const GITHUB_TOKEN_LOGIN = 'github-actions[bot]';
/**
 * Whose account github-token is: `GET /user` answers a personal access
 * token's user; an installation token may not ask (403), and is taken to be
 * GITHUB_TOKEN's bot. Any other bot (`renovate[bot]`) is not this step.
 */
async function tokenLogin(github) {
    try {
        const { data } = await github.call('identify the account of github-token', (request) => github.octokit.rest.users.getAuthenticated({ request }));
        return data.login;
    }
    catch (error) {
        if (error instanceof CancelledError || error instanceof TimeoutError)
            throw error;
        return GITHUB_TOKEN_LOGIN;
    }
}
function skipped(message) {
    return { outcome: 'skipped', message, level: 'notice' };
}
function failed(reason) {
    return {
        outcome: 'failed',
        message: `comment-on-pr: ${reason} This does not fail the step.`,
        level: 'warning',
    };
}
/** A failed call as a result: `forbidden` when the token may not write, else `failed`. */
function refusal(error) {
    // "Could not …" from GitHubCalls: the sentence continues after "comment-on-pr: ".
    const message = errorMessage(error);
    const reason = `${message[0].toLowerCase()}${message.slice(1)}`;
    if (!(error instanceof GitHubPermissionError))
        return failed(reason);
    return { outcome: 'forbidden', message: `comment-on-pr: ${reason} This does not fail the step.`, level: 'warning' };
}

;// CONCATENATED MODULE: ./src/deliver/comment-sink.ts




/** `comment-on-pr`: the digest of the step as a comment on the pull request, updated on each run. */
const commentSink = {
    name: 'the pull-request comment',
    async deliver(step, { config, event, log, signal }) {
        if (!config?.commentOnPr)
            return;
        const { github } = config;
        const runUrl = workflowRunUrl({
            serverUrl: github.serverUrl,
            repository: github.repository,
            runId: github.runId,
            runAttempt: String(github.runAttempt),
        });
        const body = renderCommentDigest(step.snapshot(), { sha: github.sha, runUrl });
        const result = await publishPullRequestComment({
            token: config.githubToken,
            apiUrl: github.apiUrl,
            repository: github.repository,
            eventName: github.eventName,
            eventPayload: event,
            marker: commentMarker({
                workflow: github.workflow,
                job: github.job,
                action: github.action,
                extra: config.commentKey,
            }),
            body,
            runUrl,
            log,
            signal,
            deadline: reportDeadline(config, step.record),
        });
        log[result.level](result.message);
    },
};
/**
 * What the comment may take: what is left of `timeout`, or, when the run used
 * it all, the short time clean-up calls get, so a timed-out step still says so.
 */
function reportDeadline(config, record) {
    const left = new Deadline(record.startedAt + config.timeoutMs).remaining();
    return Deadline.after(Math.max(left, CLEANUP_MS));
}

;// CONCATENATED MODULE: ./src/deliver/sinks.ts
/**
 * Where a step delivers, in order: the one place a destination is registered.
 * Per-run sinks take each completed run's files; per-step sinks take the step
 * once it is over (the manifest before its checksums, both before the summary
 * that names them).
 */





const runSinkList = [filesSink, releaseSink];
const stepSinkList = [manifestSink, checksumsSink, summarySink, commentSink];
function runSinks() {
    return runSinkList;
}
function stepSinks() {
    return stepSinkList;
}
/** Adds a per-run sink after those registered so far; returns what removes it again. */
function registerRunSink(sink) {
    return added(runSinkList, sink);
}
/** Adds a per-step sink after those registered so far; returns what removes it again. */
function registerStepSink(sink) {
    return added(stepSinkList, sink);
}
function added(list, sink) {
    list.push(sink);
    return () => {
        const at = list.indexOf(sink);
        if (at >= 0)
            list.splice(at, 1);
    };
}

;// CONCATENATED MODULE: ./src/deliver/deliver-step.ts



/**
 * What the step leaves behind, whatever happened: every per-step sink in turn
 * (the manifest, its checksums, the job summary, the pull-request comment).
 * Each is best effort: its failure is a warning, never a lost result, and does
 * not hold back the sinks after it.
 */
async function deliverStep(record, context) {
    const step = {
        record,
        // Taken afresh for each sink: the summary names the manifest written before it.
        snapshot: () => redactDeep(record.snapshot(), context.secrets),
    };
    for (const sink of stepSinks()) {
        try {
            await sink.deliver(step, context);
        }
        catch (error) {
            context.log.warning(`Could not write ${sink.name}: ${errorMessage(error)}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/deliver/digest.ts

/**
 * SHA-256 of downloads as they stream, on the main thread, in the socket's
 * `data` handler: each chunk is hashed once, where it already is, and dropped.
 * Chosen by measurement (bench/README.md, "Hashing the downloads"): OpenSSL's
 * SHA-256 keeps up with loopback; a worker thread needed a copy of every
 * chunk, a second V8 isolate and blocks in flight, and was slower on two
 * cores. Nothing is held between chunks, so memory stays flat whatever the
 * CPU's speed: a digest never needs to be given up for lack of memory.
 */
class DigestPool {
    /** A digest for one stream (one download attempt). */
    start() {
        return new StreamDigest();
    }
    /** Nothing to release; kept so callers need not know how digests are computed. */
    async close() { }
}
/** The SHA-256 of one stream: `update` with each chunk, then `digest`. */
class StreamDigest {
    hash = (0,external_node_crypto_.createHash)('sha256');
    update(chunk) {
        this.hash?.update(chunk);
    }
    /** The hex digest of everything passed to `update`; undefined when asked twice. */
    async digest() {
        const hex = this.hash?.digest('hex');
        this.hash = undefined;
        return hex;
    }
}

;// CONCATENATED MODULE: ./src/deliver/download-attempt.ts






/**
 * Bytes a file's write stream buffers before it pauses the download. With the
 * default 16 KiB, every 64 KiB socket read paused the socket and cost one
 * thread-pool write; with 1 MiB the socket keeps flowing and the chunks that
 * arrive while a write is in flight go to disk in one `writev`. Measured on
 * 3 × 300 MiB: about 20 % less CPU and wall time, for a few MB of memory.
 */
const WRITE_BUFFER_BYTES = 1024 * 1024;
/** Redirect hops followed before giving up. */
const download_attempt_MAX_REDIRECTS = 10;
/** File-system failures that retrying cannot fix. */
const DISK_ERRORS = new Set([
    'ENOSPC',
    'EDQUOT',
    'EACCES',
    'EPERM',
    'EROFS',
    'EISDIR',
    'ENOTDIR',
    'ENAMETOOLONG',
    'EEXIST',
    'EMFILE',
]);
/** Why one attempt failed; `transient` when another attempt could succeed. */
class AttemptError extends Error {
    transient;
    retryAfterMs;
    constructor(message, transient, retryAfterMs) {
        super(message);
        this.transient = transient;
        this.retryAfterMs = retryAfterMs;
    }
}
/** Thrown by downloads stopped because another file failed or the workflow was cancelled. */
class StoppedError extends Error {
}
/**
 * One GET streamed into `temp`. Rejects with AttemptError (transient or not),
 * DeliveryTimeoutError when the deadline runs out, or StoppedError when the
 * whole call is being stopped.
 */
async function attemptDownload(url, temp, settings) {
    const exchange = await openFollowingRedirects(url, settings);
    const digest = settings.digests.start();
    let file;
    try {
        const message = exchange.response;
        const contentType = exchange.header('content-type');
        const declared = exchange.header('content-length');
        settings.log.debug(`${url} → ${exchange.status} (${contentType ?? 'no content type'}, ${declared ?? 'unknown'} bytes)`);
        // 'wx': never follow or reuse whatever already has this name.
        file = (0,external_node_fs_namespaceObject.createWriteStream)(temp, { flags: 'wx', highWaterMark: WRITE_BUFFER_BYTES });
        message.on('data', (chunk) => digest.update(chunk));
        await (0,external_node_stream_promises_namespaceObject.pipeline)(message, file, { signal: exchange.signal });
        const bytes = file.bytesWritten;
        if (!message.complete)
            throw new AttemptError(`the body was cut short after ${bytes} bytes`, true);
        if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) !== bytes) {
            throw new AttemptError(`received ${bytes} bytes of the ${declared} announced`, true);
        }
        return { bytes, contentType, sha256: await digest.digest() };
    }
    catch (error) {
        throw attemptFailure(exchange.failure(error));
    }
    finally {
        exchange.close();
        if (file)
            await download_attempt_closed(file);
    }
}
/** GET `url`, following redirects: an open exchange whose response is a 2xx with its body unread. */
async function openFollowingRedirects(url, settings) {
    let current = new URL(url);
    for (let hop = 0;; hop++) {
        let exchange;
        try {
            exchange = await openExchange({
                method: 'GET',
                url: current.href,
                // No Authorization header is ever set: these are public storage URLs on another host.
                headers: { Accept: '*/*' },
                userAgent: settings.userAgent,
                deadline: settings.deadline,
                idleTimeoutMs: settings.requestTimeoutMs,
                signal: settings.stop,
            });
        }
        catch (error) {
            throw attemptFailure(error);
        }
        const status = exchange.status;
        if (status >= 200 && status < 300)
            return exchange;
        exchange.close();
        const location = exchange.header('location');
        if (status >= 300 && status < 400 && location !== undefined) {
            if (hop >= download_attempt_MAX_REDIRECTS)
                throw new AttemptError(`more than ${download_attempt_MAX_REDIRECTS} redirects`, false);
            const target = new URL(location, current);
            if (!isHttpUrl(target.href)) {
                throw new AttemptError(`redirected to a ${target.protocol} URL, which cannot be downloaded`, false);
            }
            if (current.protocol === 'https:' && target.protocol === 'http:') {
                throw new AttemptError('redirected from https to plain http, which is refused', false);
            }
            settings.log.debug(`${current.href} → ${status} redirect to ${target.href}`);
            current = target;
            continue;
        }
        throw statusFailure(status, exchange);
    }
}
function statusFailure(status, exchange) {
    const statusMessage = exchange.response.statusMessage;
    const text = `HTTP ${status}${statusMessage ? ` ${statusMessage}` : ''}`;
    if (status === 429 || status === 503) {
        return new AttemptError(text, true, parseRetryAfter(exchange.header('retry-after')));
    }
    return new AttemptError(text, status >= 500 || status === 408);
}
/** What an attempt's failure means for retrying. */
function attemptFailure(error) {
    if (error instanceof AttemptError || error instanceof StoppedError || error instanceof CancelledError)
        return error;
    if (error instanceof TransportError) {
        if (error.kind === 'deadline')
            return new DeliveryTimeoutError(error.message);
        return new AttemptError(error.message, true);
    }
    const code = error?.code;
    if (code && DISK_ERRORS.has(code))
        return new AttemptError(`cannot write the file (${describeSystemError(error)})`, false);
    // Resets, refused connections, DNS hiccups, bodies cut short: worth another try.
    return new AttemptError(describeSystemError(error), true);
}
/** Waits until the file's descriptor is closed, so the partial file can be removed (Windows refuses to delete open files). */
function download_attempt_closed(file) {
    if (file.closed)
        return Promise.resolve();
    return new Promise((resolve) => {
        file.once('close', () => resolve());
        file.destroy();
    });
}

;// CONCATENATED MODULE: ./src/deliver/download.ts












/** A Retry-After longer than this is not waited for: the file fails instead. */
const MAX_RETRY_AFTER_MS = 120_000;
/**
 * Downloads `urls` into `options.dir`, a few at a time, streaming each body to
 * disk (memory stays flat whatever the size). Names come from the URLs, made
 * safe and unique, decided in URL order so the result does not depend on
 * timing. Each file is written under a temporary name and renamed once it is
 * complete and its size checked. When a file fails for good (or the deadline
 * runs out), the downloads in flight are stopped, their partial files removed,
 * and an ActionError (a DeliveryTimeoutError) names the URL; files already
 * completed stay, and were reported through `onFileSaved`.
 */
async function downloadFiles(urls, options) {
    for (const url of urls)
        checkUrl(url);
    if (urls.length === 0)
        return [];
    sweepBuffersPromptly();
    const dir = external_node_path_namespaceObject.resolve(options.dir);
    // Checked before paying too (config); a link made since would still take the files elsewhere.
    const link = linkOnTheWay(options.workspace, dir);
    if (link)
        throw new ActionError(`Not downloading into ${dir}: ${link} is a symbolic link the action did not create.`);
    try {
        await (0,promises_namespaceObject.mkdir)(dir, { recursive: true });
    }
    catch (error) {
        throw new ActionError(`Cannot create the download directory ${dir}: ${describeSystemError(error)}.`);
    }
    const stopper = new AbortController();
    const onCancel = () => stopper.abort(new StoppedError('stopped'));
    if (options.signal?.aborted)
        onCancel();
    else
        options.signal?.addEventListener('abort', onCancel, { once: true });
    const settings = settingsFor(options, dir, stopper.signal);
    const names = urls.map((url) => safeFileName(url, undefined, settings.taken));
    const results = [];
    let failure;
    let next = 0;
    const worker = async () => {
        while (!stopper.signal.aborted && next < urls.length) {
            const index = next++;
            try {
                results[index] = await downloadOne(urls[index], names[index], settings);
            }
            catch (error) {
                failure ??= error;
                stopper.abort(new StoppedError('stopped'));
            }
        }
    };
    try {
        // Every worker has finished (and cleaned up) before this returns or throws.
        await Promise.all(Array.from({ length: Math.max(1, Math.min(settings.concurrency, urls.length)) }, worker));
    }
    finally {
        options.signal?.removeEventListener('abort', onCancel);
        await settings.digests.close();
    }
    if (options.signal?.aborted)
        throw new CancelledError('The workflow was cancelled while downloading files.');
    if (failure !== undefined)
        throw failure;
    return results;
}
/** The options with their defaults. `??` rather than a spread: an option passed as `undefined` still gets its default. */
function settingsFor(options, dir, stop) {
    return {
        dir,
        workspace: options.workspace,
        log: options.log,
        userAgent: options.userAgent,
        concurrency: options.concurrency ?? 3,
        attempts: options.attempts ?? 4,
        retryBaseMs: options.retryBaseMs ?? 1_000,
        retryMaxMs: options.retryMaxMs ?? 30_000,
        requestTimeoutMs: options.requestTimeoutMs ?? 60_000,
        random: options.random ?? Math.random,
        deadline: options.deadline,
        onFileSaved: options.onFileSaved,
        stop,
        taken: new Set(),
        digests: new DigestPool(),
    };
}
function checkUrl(url) {
    if (!isHttpUrl(url)) {
        throw new ActionError(`Cannot download ${printable(url, 200)}: only http and https URLs can be downloaded.`);
    }
}
/** One file, retried while failures are transient, within the deadline. */
async function downloadOne(url, name, settings) {
    const { dir, log, attempts } = settings;
    const started = Date.now();
    const temp = insideDir(dir, `.${name}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.part`);
    const received = await retry(async (attempt) => {
        log.debug(`GET ${url} (attempt ${attempt} of ${attempts}) → ${temp}`);
        try {
            return await attemptDownload(url, temp, settings);
        }
        catch (error) {
            await (0,promises_namespaceObject.rm)(temp, { force: true });
            throw error;
        }
    }, {
        attempts,
        baseMs: settings.retryBaseMs,
        maxMs: settings.retryMaxMs,
        random: settings.random,
        deadline: settings.deadline,
        maxWaitMs: MAX_RETRY_AFTER_MS,
        signal: settings.stop,
        judge: (error) => error instanceof AttemptError ? { retry: error.transient, waitMs: error.retryAfterMs } : { retry: false },
        onRetry: (error, delayMs, nextAttempt) => log.info(`${name}: ${errorMessage(error)}; retrying in ${(delayMs / 1000).toFixed(1)}s (attempt ${nextAttempt} of ${attempts}).`),
        giveUp: (error, why, tries, delayMs) => downloadFailure(url, error, why, tries, delayMs),
    });
    // Only now is the type known: a name without an extension gets one from it.
    const finalName = addExtension(name, received.contentType, settings.taken);
    const target = insideDir(dir, finalName);
    try {
        await (0,promises_namespaceObject.rename)(temp, target);
    }
    catch (error) {
        await (0,promises_namespaceObject.rm)(temp, { force: true });
        throw new ActionError(`Could not save ${printable(url, 200)} as ${target}: ${describeSystemError(error)}.`);
    }
    log.info(`Downloaded ${finalName} (${formatBytes(received.bytes)}) in ${formatDuration(Date.now() - started)}.`);
    const file = {
        url,
        path: external_node_path_namespaceObject.relative(settings.workspace, target).split(external_node_path_namespaceObject.sep).join('/'),
        bytes: received.bytes,
        ...(received.sha256 ? { sha256: received.sha256 } : {}),
    };
    settings.onFileSaved?.(file);
    return file;
}
/** The error a file fails with once no further attempt is made. */
function downloadFailure(url, error, why, tries, delayMs = 0) {
    if (error instanceof StoppedError || error instanceof CancelledError)
        return error;
    const shown = printable(url, 200);
    const after = tries > 1 ? ` (after ${tries} attempts)` : '';
    if (error instanceof DeliveryTimeoutError) {
        return new DeliveryTimeoutError(`The timeout ran out while downloading ${shown}${after}.`);
    }
    if (why === 'deadline') {
        return new DeliveryTimeoutError(`The timeout ran out while downloading ${shown}: ${errorMessage(error)}, and no time was left to try again${after}.`);
    }
    if (why === 'too-long') {
        return new ActionError(`Could not download ${shown}: ${errorMessage(error)}, and the server asked to wait ${Math.ceil(delayMs / 1000)}s before retrying.`);
    }
    return new ActionError(`Could not download ${shown}: ${errorMessage(error)}${after}.`);
}
/** `dir/name`, refusing anything that would resolve elsewhere (defence in depth: names are already safe). */
function insideDir(dir, name) {
    const resolved = external_node_path_namespaceObject.resolve(dir, name);
    const prefix = dir.endsWith(external_node_path_namespaceObject.sep) ? dir : dir + external_node_path_namespaceObject.sep; // `dir` may be a root such as C:\
    if (!resolved.startsWith(prefix) || external_node_path_namespaceObject.dirname(resolved) !== dir) {
        throw new ActionError(`Refusing to write ${JSON.stringify(name)}: it would land outside ${dir}.`);
    }
    return resolved;
}

;// CONCATENATED MODULE: external "node:dns/promises"
const external_node_dns_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns/promises");
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __nccwpck_require__(7030);
;// CONCATENATED MODULE: ./src/deliver/output-hosts.ts
/**
 * Output URLs come from Armox's answers, and a prompt can steer them. On a
 * self-hosted runner, fetching one that points inside the network (a loopback
 * service, a private address, the cloud metadata endpoint) would hand that
 * service's answer to the workflow, even attach it to a public release. Such
 * a URL is refused, unless `api-url` itself is on such an address (a local
 * emulator or a private gateway: then its storage is too).
 *
 * The host's addresses are resolved and checked before the download; a DNS
 * answer that changes between this check and the download is not covered.
 */




/** Names that mean this machine or the cloud's metadata service, whatever they resolve to. */
const INNER_NAMES = /^(localhost|.*\.localhost|metadata|metadata\.google\.internal|instance-data(\.ec2\.internal)?)$/;
/** True for loopback, private, link-local, carrier-grade NAT, unspecified and metadata addresses. */
function isInnerAddress(address) {
    const ip = address.replace(/^\[|\]$/g, '').toLowerCase();
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
    if (mapped)
        return isInnerAddress(mapped[1]);
    if ((0,external_node_net_.isIP)(ip) === 4) {
        const [a = 0, b = 0] = ip.split('.').map(Number);
        return (a === 0 ||
            a === 10 ||
            a === 127 ||
            (a === 169 && b === 254) ||
            (a === 172 && b >= 16 && b <= 31) ||
            (a === 192 && b === 168) ||
            (a === 100 && b >= 64 && b <= 127));
    }
    if ((0,external_node_net_.isIP)(ip) === 6)
        return ip === '::' || ip === '::1' || /^f[cd]/.test(ip) || /^fe[89ab]/.test(ip);
    return false;
}
/** True when `hostname` is, or resolves to, an inner address. Unresolvable names are left to the download to report. */
async function isInnerHost(hostname) {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (INNER_NAMES.test(host) || isInnerAddress(host))
        return true;
    if ((0,external_node_net_.isIP)(host))
        return false;
    try {
        const addresses = await (0,external_node_dns_promises_namespaceObject.lookup)(host, { all: true });
        return addresses.some(({ address }) => isInnerAddress(address));
    }
    catch {
        return false;
    }
}
/**
 * Throws an ActionError naming each output URL on an inner host, unless
 * `apiUrl` is on one itself.
 */
async function refuseInnerHosts(urls, apiUrl) {
    if (await isInnerHost(new URL(apiUrl).hostname))
        return;
    const refused = [];
    for (const url of urls) {
        const parsed = URL.canParse(url) ? new URL(url) : undefined;
        if (parsed && (await isInnerHost(parsed.hostname)))
            refused.push(printable(url, 200));
    }
    if (refused.length === 0)
        return;
    throw new ActionError(`Refusing to download ${refused.join(', ')}: the host is a loopback, private, link-local or metadata address, ` +
        `and api-url (${new URL(apiUrl).host}) is not. An output URL on such a host could reach a service inside ` +
        "the runner's network; Armox's own files are served from public storage.");
}

;// CONCATENATED MODULE: ./src/deliver/deliver.ts










/**
 * Every completed run's files, in run order, to every wanted per-run sink; a
 * batch gives each item its folder and asset prefix, and neither an item that
 * did not complete (`incomplete`, thrown at the end) nor one item's failed
 * delivery holds back the others' files. The deadline or a cancellation ends
 * delivery: the items not reached are recorded as not delivered, each with how
 * to fetch its files again.
 */
async function deliverRuns(runs, { incomplete, ...rest }) {
    // One set for the whole step: a file of one item never replaces another item's asset.
    const options = { ...rest, assetNamesTaken: new Set() };
    const { naming } = options.context.record;
    const deliveryOf = (record) => ({
        record,
        item: naming.item(record.name),
        label: naming.of(record.name),
        files: [],
    });
    const sinks = runSinks().filter((sink) => sink.wanted(options));
    const completed = runs.map((run) => run.record).filter((record) => record.outcome === 'completed');
    const failed = [];
    for (const [index, record] of completed.entries()) {
        const run = deliveryOf(record);
        try {
            await deliverRun(run, sinks, options);
        }
        catch (error) {
            record.deliveryFailed(errorMessage(error));
            if (!naming.perItem)
                throw error;
            if (error instanceof CancelledError || error instanceof TimeoutError) {
                const notReached = completed.slice(index + 1).filter((next) => next.fileUrls.length > 0);
                throw deliveryStopped(error, record, notReached.map(deliveryOf), incomplete, { sinks, options });
            }
            // Another item's failure does not stop this one.
            failed.push(`- ${record.name}: ${errorMessage(error)}`);
        }
    }
    const undelivered = failed.length
        ? `The files of ${plural(failed.length, 'item')} could not be delivered:\n${failed.join('\n')}`
        : undefined;
    if (incomplete && undelivered)
        throw new ActionError(`${incomplete.message}\n${undelivered}`);
    if (incomplete)
        throw incomplete;
    if (undelivered)
        throw new ActionError(undelivered);
}
/**
 * A batch's delivery ended by the deadline (or a cancellation) at item
 * `stopped`: the step's error names it, and every item not reached is
 * recorded as not delivered, with how to fetch its files without paying again.
 */
function deliveryStopped(error, stopped, notReached, incomplete, where) {
    const cause = error instanceof CancelledError ? 'the workflow was cancelled' : 'the timeout ran out';
    for (const run of notReached) {
        const again = fetchAgain(run, where.sinks, where.options);
        run.record.deliveryFailed(`Its files were not delivered: ${cause} before their turn. The job completed and was paid for; to fetch them without paying again, ${again}.`);
    }
    const lines = [incomplete?.message, `Item "${stopped.name}": ${error.message}`];
    if (notReached.length > 0) {
        lines.push(`The files of ${plural(notReached.length, 'more item')} (${listed(notReached.map((run) => run.record.name))}) were not delivered either: ` +
            `${cause} before their turn. Each item's error-message in the results output says how to fetch them without paying again.`);
        where.options.context.record.addNextStep("To fetch the files of the items not delivered without paying again, run this action with each item's job-id and download-dir: <download-dir>/<item> (see each item's error-message in the results output).");
    }
    const message = lines.filter(Boolean).join('\n');
    return error instanceof CancelledError ? new CancelledError(message) : new DeliveryTimeoutError(message);
}
/** Item names for a message: the first few, then how many more (a batch can have hundreds). */
function listed(names, shown = 10) {
    const more = names.length - shown;
    return more > 0 ? `${names.slice(0, shown).join(', ')} and ${more} more` : names.join(', ');
}
/**
 * A completed run's files: saved to the folder a sink keeps them in (or a
 * scratch folder when no sink does), then handed to every sink, all within
 * what is left of the deadline. Each file is told to the sinks as soon as it
 * is saved, so it stays in the outputs when a later one fails.
 */
async function deliverRun(run, sinks, options) {
    if (sinks.length === 0)
        return;
    const folder = sinks.map((sink) => sink.folder?.(run, options)).find((dir) => dir !== undefined);
    const { config, context } = options;
    const urls = run.record.fileUrls;
    if (urls.length === 0) {
        context.log.info(`The job${run.label} has no output files to download.`);
        return;
    }
    try {
        const dir = folder ?? (await (0,promises_namespaceObject.mkdtemp)(external_node_path_namespaceObject.join(config.github.runnerTemp ?? (0,external_node_os_namespaceObject.tmpdir)(), 'armox-')));
        await refuseInnerHosts(urls, config.apiUrl);
        run.files = await context.log.group(`Downloading ${plural(urls.length, 'file')}${run.label}`, () => downloadFiles(urls, {
            dir,
            workspace: config.workspace,
            log: context.log,
            userAgent: USER_AGENT,
            signal: context.signal,
            deadline: options.deadline,
            onFileSaved: (file) => {
                for (const sink of sinks)
                    sink.fileSaved?.(run, file);
            },
        }));
        for (const sink of sinks)
            await sink.deliver(run, options);
    }
    catch (error) {
        throw deliveryFailure(error, run, sinks, options);
    }
}
/**
 * How to fetch a completed run's files again without paying: a run with its
 * `job-id` delivers them at no cost, to the places they were meant for.
 */
function fetchAgain(run, sinks, options) {
    const places = sinks.map((sink) => sink.again(run, options));
    const notes = places.flatMap((place) => (place.note ? [place.note] : []));
    const extra = notes.length > 0 ? ` (${notes.join('; ')})` : '';
    return `run this action with job-id: ${run.record.jobId} and ${places.map((place) => place.input).join(' and ')}${extra}`;
}
/**
 * A delivery failure, with how to fetch the files again without paying. When
 * only the timeout ran out, the message says exactly that.
 */
function deliveryFailure(error, run, sinks, options) {
    const { record } = run;
    if (!record.jobId)
        return error;
    const again = fetchAgain(run, sinks, options);
    const whose = run.item !== undefined ? `The job of item "${record.name}"` : 'The job';
    options.context.record.addNextStep(`${whose} completed and was paid for; to fetch its files again without paying again, ${again}.`);
    if (!(error instanceof DeliveryTimeoutError))
        return error;
    return new DeliveryTimeoutError(`${error.message} Job ${record.jobId} finished in time (${record.status ?? 'completed'}); only delivering its files ran out of the timeout. ` +
        `To fetch them again without paying again, ${again} (and a longer timeout if the files are large).`);
}

;// CONCATENATED MODULE: ./src/execute/flight.ts

/** Where the runs of one execution stand: waiting to be submitted, or live on Armox; and why submitting stopped. */
class Flight {
    log;
    waiting = [];
    /** Unfinished jobs by id. */
    live = new Map();
    /** Why nothing more is submitted (max-credits, fail-fast, an account problem, stopping), when so. */
    stopReason;
    constructor(log) {
        this.log = log;
    }
    /** Nothing more is submitted: every waiting run is recorded as skipped, saying why. */
    stopSubmitting(reason) {
        if (this.stopReason)
            return;
        this.stopReason = reason;
        if (this.waiting.length > 0) {
            this.log.warning(`Not submitting the ${plural(this.waiting.length, 'remaining run')}: ${reason}`);
        }
        for (const run of this.waiting.splice(0))
            run.record.ended('skipped', `not submitted: ${reason}`);
    }
}

;// CONCATENATED MODULE: ./src/execute/progress.ts

/** Polls between two progress lines of a batch. */
const PROGRESS_EVERY = 5;
/** A batch's progress lines, and the time stamps of the executor's log lines. */
class Progress {
    records;
    ledger;
    log;
    now;
    lastLine;
    startedAt;
    constructor(records, ledger, log, now = Date.now) {
        this.records = records;
        this.ledger = ledger;
        this.log = log;
        this.now = now;
        this.startedAt = now();
    }
    /** The batch's progress, unless the last line said the same; `live` counts the jobs still followed. */
    report(live) {
        const line = this.line(live);
        if (line !== this.lastLine)
            this.log.info(line);
        this.lastLine = line;
    }
    /** `12/40 completed, 3 running, 1 failed, 4 410 credits` */
    line(live) {
        const count = (outcome) => this.records.filter((r) => r.outcome === outcome).length;
        // Jobs left running on purpose (wait: false) are running too.
        const running = live + count('submitted') + count('running');
        const parts = [`${count('completed')}/${this.records.length} completed`, `${running} running`];
        for (const outcome of ['failed', 'cancelled', 'error', 'skipped', 'timed-out']) {
            if (count(outcome))
                parts.push(`${count(outcome)} ${outcome}`);
        }
        parts.push(`${this.ledger.spent().toLocaleString('en-US').replace(/,/g, ' ')} credits`);
        return parts.join(', ');
    }
    /** Time since the step began carrying out its runs, aligned for the log: `[   12s]`. */
    elapsed() {
        return formatDuration(this.now() - this.startedAt).padStart(6);
    }
}

;// CONCATENATED MODULE: ./src/execute/watch.ts

/**
 * Reads of one job refused in a row (a proxy's 404 page, a 403, a 401) before
 * the step stops following its jobs. The job exists (Armox accepted it), so one
 * such answer is more likely a proxy's than the truth.
 */
const MAX_REFUSED_READS = 3;
/**
 * Single reads (`GET /jobs/:id`) in one round beside the list, however many
 * jobs the list does not show: polling stays a bounded number of requests per
 * interval. The jobs not shown take turns, the one unseen longest first.
 */
const MAX_SINGLE_READS = 4;
/** Following the jobs failed for good: the message says why (the last refused read). */
class LostTrackError extends ActionError {
    jobId;
    constructor(message, 
    /** The job whose reads kept being refused. */
    jobId) {
        super(message);
        this.jobId = jobId;
    }
}
/**
 * Polling, one round at a time, for the jobs still running. One job:
 * `GET /jobs/:id`. Several: one `GET /jobs?limit=100` shows them all (so
 * polling does not grow with a batch), and `GET /jobs/:id` only for a job the
 * list no longer shows, or for the jobs when the list is refused: at most
 * `MAX_SINGLE_READS` a round, taking turns, so no job is forgotten. A round that
 * fails transiently yields nothing: the jobs are paid for, so waiting goes on
 * until the deadline (a poll stopped by the deadline yields nothing either).
 * A job whose reads are refused `MAX_REFUSED_READS` times in a row ends the
 * following with a LostTrackError.
 */
class JobWatch {
    context;
    /** Refused reads in a row, by job. */
    refusals = new Map();
    /** The list was refused once already (said in the log once). */
    listRefused = false;
    /** The round in which each job was last seen (listed or read): who is read next. */
    lastSeen = new Map();
    round = 0;
    constructor(context) {
        this.context = context;
    }
    async poll(ids, deadline) {
        const { client, seenJobs, log } = this.context;
        const seen = new Map();
        if (ids.length === 0)
            return seen;
        if (ids.length > 1) {
            const listed = await this.tolerate(() => client.listJobs(deadline), 'the jobs');
            if (listed.value)
                seenJobs.saw(listed.value);
            for (const job of listed.value ?? [])
                if (ids.includes(job.id))
                    seen.set(job.id, job);
            // An outage waits for the next round; a refused list is not the jobs' fault: each is read on its own.
            if (listed.refused && !this.listRefused) {
                this.listRefused = true;
                log.warning(`${listed.refused.message} Reading each job on its own instead.`);
            }
            if (!listed.value && !listed.refused)
                return seen;
        }
        this.round += 1;
        for (const id of seen.keys())
            this.lastSeen.set(id, this.round);
        for (const id of this.nextReads(ids.filter((jobId) => !seen.has(jobId)))) {
            // Read this round, answered or not: the others have their turn first next time.
            this.lastSeen.set(id, this.round);
            const job = await this.readJob(id, deadline);
            if (job)
                seen.set(id, job);
        }
        return seen;
    }
    /** The jobs to read one by one this round: at most MAX_SINGLE_READS, the one unseen longest first. */
    nextReads(unseen) {
        const since = (id) => this.lastSeen.get(id) ?? -1;
        return unseen.sort((a, b) => since(a) - since(b)).slice(0, MAX_SINGLE_READS);
    }
    async readJob(id, deadline) {
        const read = await this.tolerate(() => this.context.client.getJob(id, deadline), `job ${id}`);
        if (read.value)
            this.refusals.delete(id);
        if (!read.refused)
            return read.value;
        const refusals = (this.refusals.get(id) ?? 0) + 1;
        this.refusals.set(id, refusals);
        if (refusals >= MAX_REFUSED_READS)
            throw new LostTrackError(read.refused.message, id);
        this.context.log.warning(`${read.refused.message} Job ${id} was accepted, so this may be a proxy's answer: reading it again at the next poll ` +
            `(${refusals} of ${MAX_REFUSED_READS} tries).`);
        return undefined;
    }
    async tolerate(read, what) {
        try {
            return { value: await read() };
        }
        catch (error) {
            if (error instanceof TimeoutError)
                return {};
            if (!(error instanceof ApiError))
                throw error;
            if (!error.transient)
                return { refused: error };
            this.context.log.warning(`${error.message} Still waiting for ${what}.`);
            return {};
        }
    }
}

;// CONCATENATED MODULE: ./src/execute/stopping.ts







/**
 * Every way the executor stops its jobs, and the wording of why: the timeout
 * (cancel, or leave running with `cancel-on-timeout: false`), the workflow's
 * cancellation, and losing track of the jobs (hand them over). Throws the
 * error the step ends with when stopping is the step's end.
 */
class Stopping {
    execution;
    flight;
    naming;
    finish;
    /** Cancellations started because the workflow was cancelled, each with how many jobs it gave up on. */
    signalCancels = [];
    constructor(execution, flight, naming, finish) {
        this.execution = execution;
        this.flight = flight;
        this.naming = naming;
        this.finish = finish;
    }
    /**
     * The step cannot follow its jobs (a job's reads kept being refused: a 404
     * or 403 from a proxy, a key revoked mid-run). Every job in flight is paid
     * for and may well complete, so it is handed over rather than cancelled:
     * recorded as still running with how to follow it, and no longer the post
     * step's to cancel. Nothing more is submitted; the step fails naming them.
     */
    handOver(error) {
        const { context } = this.execution;
        const reason = error.message;
        this.flight.stopSubmitting(`the step could not follow its jobs: ${reason}`);
        const ids = [...this.flight.live.keys()];
        for (const [id, run] of this.flight.live) {
            run.record.ended('error', this.naming.perItem
                ? `the step stopped following its jobs (${reason}); this one was not cancelled and keeps running on Armox: follow it with job-id: ${id}`
                : `Could not follow job ${id}: ${reason} Reading it was refused ${MAX_REFUSED_READS} times in a row, so the step ` +
                    `stopped waiting. The job was not cancelled (it is paid for) and keeps running on Armox. ${resumeHint(id)}`);
            context.openJobs.handled(id);
            context.record.addNextStep(resumeHint(id));
        }
        this.flight.live.clear();
        if (this.naming.perItem) {
            context.log.warning(`Stopped following ${plural(ids.length, 'job')} (${ids.join(', ')}): ${reason} They were not cancelled and keep running on Armox; follow each with job-id.`);
        }
    }
    /** The timeout ran out while jobs were unfinished: cancel them (unless told not to) and fail. */
    async timedOut() {
        const { config, context } = this.execution;
        const waited = formatDuration(config.timeoutMs);
        this.flight.stopSubmitting(`the timeout (${waited}) ran out.`);
        const runs = [...this.flight.live.values()];
        if (!config.cancelOnTimeout)
            return this.leftRunningOnTimeout(runs, waited);
        const lastStatus = runs[0]?.record.status;
        const failures = await this.cancelLive('timed-out', `the timeout (${waited}) ran out before it finished`);
        const cancelled = runs.filter((run) => run.record.outcome === 'timed-out' && !failures.includes(run));
        if (failures.length === 0 && cancelled.length === 0)
            return;
        let message;
        if (failures.length > 0) {
            const ids = failures.map((run) => run.record.jobId);
            for (const id of ids)
                context.record.addNextStep(resumeHint(id));
            const { subject, pronoun } = Naming.jobs(ids);
            message =
                `${subject} did not finish within the timeout. Waited ${waited}; ` +
                    `cancelling failed, so ${pronoun} may still run. ${ids.map(resumeHint).join(' ')}`;
        }
        else {
            context.record.addNextStep('Raise `timeout` if the runs need longer, then run again.');
            const one = cancelled.length === 1 && !this.naming.perItem ? cancelled[0].record : undefined;
            message = one
                ? `Job ${one.jobId} did not finish within ${waited} (last status: ${lastStatus ?? 'unknown'}) and was cancelled so it stops spending credits. ` +
                    'Raise timeout if the run needs longer, or set cancel-on-timeout: false and wait for it later with job-id.'
                : `${Naming.cancelledJobs(cancelled.length, waited)} Raise timeout if the runs need longer.`;
        }
        throw new TimeoutError(this.singleRunSays('timed-out', message));
    }
    /** A single run's error is the step's: its results entry says the same as the error-message output. */
    singleRunSays(outcome, message) {
        if (!this.naming.perItem)
            this.execution.runs[0]?.record.ended(outcome, message);
        return message;
    }
    /** `cancel-on-timeout: false`: the jobs keep running on Armox, each handed over with how to follow it. */
    leftRunningOnTimeout(runs, waited) {
        const { context } = this.execution;
        for (const run of runs) {
            const id = run.record.jobId;
            run.record.ended('timed-out', `the timeout (${waited}) ran out before it finished; it keeps running on Armox (cancel-on-timeout: false): follow it with job-id: ${id}`);
            context.openJobs.handled(id);
            context.record.addNextStep(resumeHint(id));
        }
        this.flight.live.clear();
        const one = runs.length === 1 ? runs[0].record : undefined;
        const message = one
            ? `Job ${one.jobId} is still ${one.status ?? 'running'} after ${waited}; it keeps running on Armox (cancel-on-timeout: false). ${resumeHint(one.jobId)}`
            : `${plural(runs.length, 'job')} (${runs.map((run) => run.record.jobId).join(', ')}) did not finish within ${waited}; they keep running on Armox (cancel-on-timeout: false). Follow each with job-id.`;
        throw new TimeoutError(this.singleRunSays('timed-out', message));
    }
    /** The workflow was cancelled: cancel every unfinished job too. */
    async interrupted() {
        const { context } = this.execution;
        context.record.cancelled();
        void this.cancelOnSignal();
        const cancelled = (await Promise.all(this.signalCancels)).reduce((sum, count) => sum + count, 0);
        const one = this.execution.runs.length === 1 ? this.execution.runs[0].record : undefined;
        if (one?.jobId) {
            const message = `The workflow was cancelled; job ${one.jobId} is ${one.status ?? 'cancelled'}.`;
            throw new CancelledError(cancelled > 0 ? this.singleRunSays('cancelled', message) : message);
        }
        if (cancelled > 0)
            throw new CancelledError(`The workflow was cancelled; ${plural(cancelled, 'unfinished job')} cancelled.`);
    }
    /** Nothing more is submitted, and every job in flight now is cancelled; resolves to how many there were. */
    cancelOnSignal() {
        this.flight.stopSubmitting('the workflow was cancelled.');
        const count = this.flight.live.size;
        const cancelling = this.cancelLive('cancelled', 'the workflow was cancelled before it finished').then(() => count);
        this.signalCancels.push(cancelling);
        return cancelling;
    }
    /**
     * Cancels every unfinished job, all at once, each within the clean-up time,
     * recording `why` it was given up on. A job that finished meanwhile (409) is
     * reported as finished. Returns the runs whose job could not be cancelled.
     */
    async cancelLive(outcome, why) {
        const failures = [];
        // Taken now: a job accepted while these are cancelled is left for the next call.
        const entries = [...this.flight.live.entries()];
        this.flight.live.clear();
        await Promise.all(entries.map(async ([id, run]) => {
            if (!(await this.cancelOne(id, run, outcome, why)))
                failures.push(run);
        }));
        return failures;
    }
    /** Cancels one job within the clean-up time; false when it could not be cancelled (it may still run). */
    async cancelOne(id, run, outcome, why) {
        const { client, log, openJobs } = this.execution.context;
        const purpose = outcome === 'cancelled' ? 'because the workflow was cancelled' : 'so it stops spending credits';
        const done = outcome === 'cancelled' ? ', so the job was cancelled too' : '; it was cancelled so it stops spending credits';
        const cleanup = Deadline.after(CLEANUP_MS);
        try {
            const cancelled = await client.cancelJob(id, cleanup);
            run.record.jobUpdated({ id, status: cancelled.status });
            run.record.ended(outcome, why + done);
            openJobs.handled(id);
            log.info(`Cancelled job ${id} ${purpose}.`);
            return true;
        }
        catch (error) {
            if (error instanceof ApiError && error.status === 409 && (await this.finishedMeanwhile(run, id, cleanup)))
                return true;
            log.warning(`Could not cancel job ${id}: ${errorMessage(error)}`);
            run.record.ended(outcome, `${why}; cancelling it failed (${errorMessage(error)}), so it may still run: follow it with job-id: ${id}`);
            return false;
        }
    }
    /** The cancel answered 409: the job finished just as it was given up on; report it as finished. */
    async finishedMeanwhile(run, id, cleanup) {
        try {
            const job = await this.execution.context.client.getJob(id, cleanup);
            if (!isTerminal(job.status))
                return false;
            this.execution.context.log.info(`Job ${id} finished just as the timeout ran out; reporting its result.`);
            this.finish(run, job, id);
            return true;
        }
        catch {
            return false;
        }
    }
}

;// CONCATENATED MODULE: ./src/execute/submit.ts









/** Clock skew allowed between this runner and Armox when matching creation times. */
const SKEW_MS = 60_000;
/**
 * Submitting the run failed and Armox may or may not have taken it: its job
 * was not found. It may have been charged; it is never sent again.
 */
class OutcomeUnknownError extends ActionError {
}
/**
 * Sends one run exactly once. When the answer is lost (5xx, reset, hang, a body
 * that is not a job) the run may or may not exist: it is never sent again.
 * Instead the recent jobs are searched for it, so a paid run is not lost.
 * Until it is answered, the submission is in the step state, so the post step
 * can find and cancel its job if this step is killed meanwhile, or cancelled
 * before its job was found. `what` names the run in messages: `the run`,
 * `item "2"`; `item` is its name (`1`, or the batch item's).
 */
async function submitOnce(target, request, what, item, deadline, context) {
    const pending = pendingSubmission(target, request, { item, what }, context);
    context.openJobs.sending(pending);
    let job;
    // Cancelled, or out of time, with the outcome still unknown: Armox may create its job
    // after the lookup, so it is left in the step state for the post step to find and cancel.
    let leftForPostStep = false;
    try {
        job = await sendOnce(target, request, what, pending, deadline, context);
        return job;
    }
    catch (error) {
        leftForPostStep = error instanceof OutcomeUnknownError && (context.signal.aborted || deadline.expired);
        throw error;
    }
    finally {
        if (!leftForPostStep)
            context.openJobs.answered(pending, job && !isTerminal(job.status) ? job.id : undefined);
    }
}
/** The submission about to be sent, as the lookup of a lost answer (here or in the post step) knows it. */
function pendingSubmission(target, request, run, context) {
    const inputs = inputsFingerprint(request.inputs);
    const sentAt = Date.now();
    // Listed before sending, or another run's (a batch may hold identical items): not this submission's job.
    const known = new Set(context.seenJobs.seenWith(inputsKeyOf(target), inputs, sentAt));
    for (const run of runsByInputs(context.record.runs).get(inputs) ?? [])
        if (run.jobId)
            known.add(run.jobId);
    return { ...run, target: { kind: target.kind, id: target.id }, inputs, sentAt, known: [...known] };
}
async function sendOnce(target, request, what, pending, deadline, context) {
    const { client, log } = context;
    try {
        return await target.submit(client, request, deadline);
    }
    catch (error) {
        // A 429 or a request never sent means Armox did not take the run; anything else is a lost answer.
        const unknownOutcome = (error instanceof TimeoutError && !(error instanceof NotSentError)) ||
            (error instanceof ApiError && error.transient && error.status !== 429);
        if (!unknownOutcome)
            throw error;
        log.warning(`${errorMessage(error)} Armox may or may not have accepted ${what}; it is not sent again, since that could charge twice. ` +
            'Looking for it among the recent jobs…');
        const lookup = await findSubmittedJob(target, pending, context);
        if (lookup.found) {
            const early = Date.parse(lookup.found.created_at ?? '') < pending.sentAt
                ? ` (${createdText(lookup.found, pending.sentAt)} by this runner's clock, which may differ from Armox's)`
                : '';
            log.warning(`Found ${what === 'the run' ? 'the submitted run' : `the run of ${what}`} among the recent jobs: ${lookup.found.id}${early}.`);
            return lookup.found;
        }
        throw lostAnswer(what, error, lookup.possible, pending.sentAt, context, deadline.expired);
    }
}
/**
 * Looks for the job of a submission whose answer was lost, in one listing of
 * the recent jobs. Not abandoned when the workflow is cancelled: a job found
 * then is one that can still be cancelled.
 */
async function findSubmittedJob(target, pending, context) {
    let jobs;
    try {
        jobs = await context.client.listJobs(Deadline.after(CLEANUP_MS), { cleanup: true });
    }
    catch (error) {
        context.log.warning(`Could not list the recent jobs: ${errorMessage(error)}`);
        return { possible: [] };
    }
    context.seenJobs.saw(jobs);
    return pickSubmittedJob(jobs, pending, target, context.log);
}
/**
 * The job of a submission whose answer was lost, among `jobs` (the recent
 * jobs): a job of this target with exactly these inputs, that the step did not
 * know before sending (`pending.known`: not in a job list it read earlier, not
 * another run's), created while the request could still be handled (it ends by
 * the request timeout; clocks allowed to differ by a minute). Preferred: one
 * created after the submission was sent. Only
 * when there is none, one created shortly before it (the clocks of this runner
 * and Armox may differ), unless it already failed or was cancelled: those were
 * refunded, so passing over one costs nothing, while adopting another run's
 * failure would hide this one. Several equally likely jobs are not guessed
 * between. The main step and the post step both find jobs this way.
 */
function pickSubmittedJob(jobs, pending, target, log) {
    const { sentAt } = pending;
    const known = new Set(pending.known);
    const created = (job) => Date.parse(job.created_at ?? '');
    const possible = jobs.filter((job) => target.ownsJob(job) &&
        jobFingerprint(target, job) === pending.inputs &&
        !known.has(job.id) &&
        !(created(job) < sentAt - SKEW_MS) &&
        // Armox creates the job while it handles the request, which ends by the request timeout:
        // an identical job created later is another run's.
        !(created(job) > sentAt + REQUEST_TIMEOUT_MS + SKEW_MS));
    const after = possible.filter((job) => created(job) >= sentAt);
    const shortlyBefore = possible.filter((job) => !(created(job) >= sentAt) && job.status !== 'failed' && job.status !== 'cancelled');
    const likeliest = after.length > 0 ? after : shortlyBefore;
    if (likeliest.length === 1)
        return { found: likeliest[0] };
    if (likeliest.length > 1) {
        log.warning(`Several recent jobs match this run (${likeliest.map((job) => job.id).join(', ')}); not guessing which.`);
    }
    return { possible };
}
/**
 * The target of a submission as the step state names it (kind and id): enough
 * to recognise its jobs, which is all the post step needs of it.
 */
function submittedTarget(target) {
    return kindNamed(target.kind)?.matcher(target.id);
}
/** A run's inputs as sent, as one short value: the sha256 of their canonical JSON. */
function inputsFingerprint(inputs) {
    if (typeof inputs !== 'object' || inputs === null)
        return fingerprintOf(inputs);
    let fingerprint = fingerprints.get(inputs);
    if (fingerprint === undefined)
        fingerprints.set(inputs, (fingerprint = fingerprintOf(inputs)));
    return fingerprint;
}
/**
 * Fingerprints are kept per object (a run's inputs and a listed job are not
 * changed once made): each submission compares itself with every run and every
 * listed job, which would otherwise hash a batch O(N²) times.
 */
const fingerprints = new WeakMap();
const jobFingerprints = new WeakMap();
const runIndexes = new WeakMap();
/** The step's runs by their inputs' fingerprint (a run's inputs are fixed once planned): an index, not a scan per submission. */
function runsByInputs(runs) {
    let index = runIndexes.get(runs);
    if (!index || index.size !== runs.length) {
        const byInputs = new Map();
        for (const run of runs) {
            if (!run.inputs)
                continue;
            const key = inputsFingerprint(run.inputs);
            const same = byInputs.get(key);
            if (same)
                same.push(run);
            else
                byInputs.set(key, [run]);
        }
        runIndexes.set(runs, (index = { size: runs.length, byInputs }));
    }
    return index.byInputs;
}
const inputsKeys = new WeakMap();
/** One function per target (so that `SeenJobs` indexes each job once): the fingerprint of a job of `target`'s inputs. */
function inputsKeyOf(target) {
    let keyOf = inputsKeys.get(target);
    if (!keyOf) {
        keyOf = (job) => (target.ownsJob(job) ? jobFingerprint(target, job) : undefined);
        inputsKeys.set(target, keyOf);
    }
    return keyOf;
}
/** The fingerprint of the inputs `target` reads from `job`. */
function jobFingerprint(target, job) {
    let known = jobFingerprints.get(target);
    if (!known)
        jobFingerprints.set(target, (known = new WeakMap()));
    let fingerprint = known.get(job);
    if (fingerprint === undefined)
        known.set(job, (fingerprint = fingerprintOf(target.jobInputs(job))));
    return fingerprint;
}
function fingerprintOf(inputs) {
    return (0,external_node_crypto_.createHash)('sha256').update(canonicalJson(inputs)).digest('hex');
}
/**
 * The error for an answer that was lost and not found: it names every job it
 * could be, so the user can wait for the right one instead of paying again.
 */
function lostAnswer(what, error, possible, sentAt, context, outOfTime) {
    const lost = `Submitting ${what} failed and its outcome is unknown: ${errorMessage(error)} It was not retried, so it was charged at most once.`;
    if (context.signal.aborted || outOfTime) {
        const meanwhile = context.signal.aborted ? 'The workflow was cancelled meanwhile' : 'The timeout ran out meanwhile';
        return new OutcomeUnknownError(`${lost} ${meanwhile}: the post step looks for its job once more and cancels it.`);
    }
    if (possible.length === 0) {
        context.record.addNextStep('Check the recent jobs of this key (GET /api/v1/jobs) before re-running. If the run is there, wait for it with `job-id`.');
        return new OutcomeUnknownError(`${lost} Check the recent jobs of this key (GET /api/v1/jobs) before re-running; if the run is there, pass its id as job-id to wait for it.`);
    }
    const ids = possible.map((job) => job.id).join(', ');
    const jobs = possible.map((job) => `${job.id} (${job.status}, ${createdText(job, sentAt)})`).join(', ');
    context.record.addNextStep(`Before re-running, check which of these jobs with the same inputs is this run's (GET /api/v1/jobs/<id>) and wait for it with \`job-id\`: ${ids}.`);
    return new OutcomeUnknownError(`${lost} Recent jobs with the same inputs that it may be (or none of them, if Armox did not take it): ${jobs}. ` +
        'Pass the right one as job-id to wait for it instead of re-running.');
}
/** `created 2s after it was sent`, by this runner's clock. */
function createdText(job, sentAt) {
    const created = Date.parse(job.created_at ?? '');
    if (Number.isNaN(created))
        return 'created at an unknown time';
    const gap = formatDuration(Math.abs(created - sentAt));
    return `created ${gap} ${created >= sentAt ? 'after' : 'before'} it was sent`;
}

;// CONCATENATED MODULE: ./src/execute/verdict.ts


/**
 * Derived from the records alone, after waiting: every run completed (or was
 * left running on purpose), or the error that names what did not. A batch
 * lists its items; a single run's error is its own.
 */
function verdictOf(records, perItem) {
    const unfinished = records.filter((r) => !['completed', 'submitted', 'running'].includes(r.outcome ?? ''));
    if (unfinished.length === 0)
        return {};
    if (perItem) {
        return {
            error: new ActionError(`${unfinished.length} of ${plural(records.length, 'run')} did not complete:\n` +
                unfinished.map((r) => `- ${r.name}: ${r.outcome}${r.errorMessage ? ` (${r.errorMessage})` : ''}`).join('\n')),
        };
    }
    return singleVerdict(records[0]);
}
function singleVerdict(record) {
    const reason = record.errorMessage ? `: ${record.errorMessage}` : '';
    if (record.outcome === 'error')
        return { error: new ActionError(record.errorMessage) };
    if (record.outcome === 'skipped')
        return { error: new ActionError(record.errorMessage ?? 'The run was not submitted.') };
    if (record.outcome === 'cancelled') {
        return {
            error: new ActionError(`Job ${record.jobId} was cancelled${reason}.`),
            nextStep: 'The job was cancelled outside this workflow (by a person or another client). Run again if that was a mistake.',
        };
    }
    return {
        error: new ActionError(`Job ${record.jobId} failed${reason || ' (the API gave no reason)'}.`),
        nextStep: 'Credits of a failed job are refunded. Check the inputs (image URLs must be public) and run again.',
    };
}

;// CONCATENATED MODULE: ./src/execute/executor.ts












/**
 * *How* runs are carried out, whatever is run: submit each run once (at most
 * `max-concurrency` unfinished, never past `max-credits`, nothing more after a
 * failure with `fail-fast`), follow every job with one poll per interval, and
 * stop them all on timeout or cancellation. Records everything as it happens.
 *
 * How errors leave: every run's end is in its record (`record.ended`), and the
 * step's error is the verdict derived from the records, returned so that what
 * did complete is delivered first. Thrown only when the step must end at once:
 * timeout, cancellation, and a single run that could not be submitted.
 */
async function runAll(execution) {
    const executor = new Executor(execution);
    try {
        await executor.loop();
    }
    catch (error) {
        // Cancelled while a submission's outcome was unknown, too: whatever the step has in flight is cancelled.
        if (error instanceof CancelledError || execution.context.signal.aborted)
            await executor.stopping.interrupted();
        throw error;
    }
    finally {
        execution.context.record.flush();
    }
    return executor.verdict();
}
/** The scheduling loop: submit what fits, poll, record; stopping, progress and the verdict live beside it. */
class Executor {
    execution;
    flight;
    naming;
    progress;
    stopping;
    watch;
    polls = 0;
    constructor(execution) {
        this.execution = execution;
        const { context, ledger, runs } = execution;
        this.naming = context.record.naming;
        this.flight = new Flight(context.log);
        this.progress = new Progress(runs.map((run) => run.record), ledger, context.log);
        this.stopping = new Stopping(execution, this.flight, this.naming, (run, job, id) => this.finish(run, job, id));
        this.watch = new JobWatch(context);
        ledger.track(runs.map((run) => run.record));
        for (const run of runs) {
            if (run.job)
                this.follow(run, run.job);
            else
                this.flight.waiting.push(run);
        }
    }
    async loop() {
        const { config, deadline, context, ledger } = this.execution;
        const { live, waiting } = this.flight;
        let first = true;
        for (;;) {
            await this.submitWhatFits();
            if (context.signal.aborted)
                throw new CancelledError('The workflow was cancelled.');
            // After refilling the free slots, so "running" counts the jobs just submitted too.
            if (this.naming.perItem && this.polls > 0 && this.polls % PROGRESS_EVERY === 0)
                this.progress.report(live.size);
            if (!config.wait)
                return this.leaveRunning();
            if (live.size === 0) {
                if (waiting.length === 0 || this.flight.stopReason)
                    return;
                continue;
            }
            if (!(first && this.execution.pollFirst))
                await sleep(Math.min(config.pollIntervalMs, deadline.remaining()), context.signal);
            first = false;
            if (deadline.expired)
                return this.stopping.timedOut();
            const seen = await this.poll();
            if (!seen)
                return;
            // In item order (the job list is newest first), so the log reads top to bottom.
            for (const [id, run] of [...live]) {
                const job = seen.get(id);
                if (job)
                    this.update(id, run, job);
            }
            // A charge a poll revealed is checked against max-credits before the next submission.
            ledger.review(this.naming);
            this.polls += 1;
        }
    }
    /** Submits waiting runs while there is room under max-concurrency and max-credits. */
    async submitWhatFits() {
        const { config, context, ledger } = this.execution;
        const { live, waiting } = this.flight;
        // Without waiting, nothing frees a slot: every run is submitted (the client keeps to the rate limit).
        const room = () => !config.wait || live.size < config.maxConcurrency;
        while (waiting.length > 0 && !this.flight.stopReason && room()) {
            if (context.signal.aborted)
                throw new CancelledError('The workflow was cancelled.');
            const capped = ledger.refusal(this.naming.what);
            if (capped) {
                // A job whose charge is not shown yet counts at the estimate: its poll may lift the refusal.
                if (config.wait && live.size > 0 && ledger.awaitingCharges())
                    break;
                this.flight.stopSubmitting(capped);
                if (!this.naming.perItem)
                    throw new ActionError(`${capped} Nothing was submitted and no credits were spent.`);
                break;
            }
            await this.submit(waiting.shift());
        }
    }
    async submit(run) {
        const { target, deadline, context, ledger } = this.execution;
        const what = this.naming.what(run.record);
        const send = () => this.whileSubmitting(what, () => submitOnce(target, run.request, what, run.record.name, deadline, context));
        ledger.submitting(run.record);
        let job;
        try {
            job = this.naming.perItem ? await send() : await context.log.group('Submitting the run', send);
        }
        catch (error) {
            return this.submitFailed(run, what, error);
        }
        // Recorded (and kept in the step state) before the log line says so: a step
        // killed right after "accepted" still leaves its post step the job to cancel.
        this.claim(run, job);
        const charge = job.credits_charged !== undefined ? ` (${job.credits_charged} credits)` : '';
        context.log.info(this.naming.accepted(run.record.name, job.id, charge, this.progress.elapsed()));
        this.follow(run, job);
        ledger.review(this.naming);
        if (context.signal.aborted)
            throw new CancelledError('The workflow was cancelled.');
    }
    /** A submission failed: a single run's error is the step's; a batch item's stops further submissions when it must. */
    submitFailed(run, what, error) {
        const { context, ledger, config } = this.execution;
        run.record.ended(error instanceof CancelledError ? 'cancelled' : 'error', errorMessage(error));
        if (error instanceof OutcomeUnknownError)
            ledger.outcomeUnknown(run.record);
        if (!this.naming.perItem)
            throw error;
        context.log.warning(`${run.record.name}: ${errorMessage(error)}`);
        if (error instanceof TimeoutError)
            this.flight.stopSubmitting('the timeout ran out.');
        else if (stopsEveryRun(error))
            this.flight.stopSubmitting(`the API refused ${what}: ${errorMessage(error)}`);
        else if (config.failFast)
            this.flight.stopSubmitting(`fail-fast: ${what} failed.`);
    }
    /**
     * A submission is never abandoned mid-flight (its outcome would be unknown).
     * When the workflow is cancelled meanwhile, the jobs already accepted are
     * cancelled at once, not after its answer; its own job is cancelled when
     * the answer comes (or by the post step, if the step must end first).
     */
    async whileSubmitting(what, send) {
        const { signal, log } = this.execution.context;
        const onAbort = () => {
            log.info(`Waiting for Armox's answer to the submission of ${what}: a submission is never abandoned (its outcome would be unknown); its job is cancelled once known.`);
            void this.stopping.cancelOnSignal();
        };
        signal.addEventListener('abort', onAbort, { once: true });
        try {
            return await send();
        }
        finally {
            signal.removeEventListener('abort', onAbort);
        }
    }
    /** One polling round; undefined when following the jobs failed for good (they were handed over). */
    async poll() {
        try {
            return await this.watch.poll([...this.flight.live.keys()], this.execution.deadline);
        }
        catch (error) {
            if (!(error instanceof LostTrackError))
                throw error;
            this.stopping.handOver(error);
            return undefined;
        }
    }
    /** Takes charge of a job, which is this step's from now on: accepted, followed by id or reused. */
    follow(run, job) {
        this.claim(run, job);
        if (isTerminal(job.status))
            this.finish(run, job);
        else
            this.flight.live.set(job.id, run);
    }
    /** The job id is known: record it, and until it ends it is this step's to finish or cancel. */
    claim(run, job) {
        if (!run.record.reusedFrom && run.record.jobId !== job.id)
            run.record.accepted(job, this.now());
        if (!isTerminal(job.status))
            this.execution.context.openJobs.opened(job.id);
    }
    /**
     * A poll's news about one job: one line per state change (`[  12s] hero:
     * processing`); a batch item's end is said by `finish`, with its outcome.
     */
    update(id, run, job) {
        const record = run.record;
        if (job.status !== record.status) {
            const line = this.naming.statusChange(record.name, job.id, job.status, this.progress.elapsed());
            if (line)
                this.execution.context.log.info(line);
        }
        if (isTerminal(job.status))
            this.finish(run, job, id);
        else
            record.jobUpdated(job);
    }
    /** A terminal job: its outputs are recorded; with fail-fast, a failure stops further submissions. */
    finish(run, job, trackedId = job.id) {
        const { context, config } = this.execution;
        this.flight.live.delete(trackedId);
        context.openJobs.handled(trackedId);
        const { items, problem } = collectOutputs(job);
        run.record.finished(job, items, rawOutputs(job), this.now());
        if (job.status === 'completed' && problem) {
            run.record.ended('error', `Job ${job.id} completed, but its answer is malformed: ${problem}. The raw value is in the "outputs" output.`);
        }
        const urls = run.record.fileUrls.length;
        const made = `${plural(urls, 'file')}${items.length > urls ? ` and ${plural(items.length - urls, 'text output')}` : ''}`;
        const line = this.naming.ended(run.record, made, this.progress.elapsed());
        if (line)
            context.log.info(line);
        const { name, outcome } = run.record;
        if (this.naming.perItem && outcome !== 'completed' && config.failFast)
            this.flight.stopSubmitting(`fail-fast: item "${name}" ${outcome}.`);
    }
    /** `wait: false`: every job is left running on purpose, and the step says how to follow them. */
    leaveRunning() {
        const { context } = this.execution;
        const { live } = this.flight;
        for (const [id, run] of live) {
            run.record.ended(run.record.jobId && !run.request ? 'running' : 'submitted');
            context.openJobs.handled(id);
            if (!this.naming.perItem)
                context.record.addNextStep(resumeHint(id));
        }
        if (live.size > 0) {
            const how = this.naming.followLater(resumeHint([...live.keys()][0]));
            context.log.info(`Not waiting (wait: false). ${how}`);
        }
        live.clear();
    }
    /** After waiting: the error the step ends with unless every run completed (or was left running on purpose). */
    verdict() {
        if (this.naming.perItem)
            this.progress.report(this.flight.live.size);
        const { error, nextStep } = verdictOf(this.execution.runs.map((run) => run.record), this.naming.perItem);
        if (nextStep)
            this.execution.context.record.addNextStep(nextStep);
        return error;
    }
    now() {
        return Date.now();
    }
}
/** Errors about the account or the key, not the item: every later run would meet them too. */
function stopsEveryRun(error) {
    return error instanceof ApiError && [401, 402, 403, 429].includes(error.status ?? 0);
}

;// CONCATENATED MODULE: ./src/money/balance.ts





/**
 * Starts reading the balance now, so that the request overlaps the step's
 * other reads before paying (the contract, the recent jobs) instead of adding
 * a round trip; nothing is said until `checkBalance` uses it. Undefined for a
 * charge-free step (a rehearsal), which is not checked.
 */
function prefetchBalance(rehearsal, deadline, context) {
    return rehearsal ? undefined : readBalance(context, deadline);
}
/**
 * Before paying: the balance (`GET /account`) must cover what the runs about
 * to be submitted are estimated to cost (as many as max-credits lets through),
 * since a batch that half-runs into a 402 is the worst outcome. A real run is
 * refused, naming the balance, the estimate and how many runs would fit; a dry
 * run warns the same (the balance may change before the real run). An
 * unreadable balance is warned about and the step goes on. A charge-free step
 * (rehearsal) is not checked.
 */
async function checkBalance(ledger, runs, dryRun, read, context) {
    if (!read || ledger.chargeFree || runs.length === 0)
        return;
    const answer = await read;
    if ('problem' in answer) {
        context.log.warning(`${unreadable(answer.problem)} Going on without checking that the runs fit it.`);
        return;
    }
    const before = answer.credits;
    context.record.balanceKnown({ before });
    const each = ledger.cost.each;
    const count = ledger.forecast(runs.length).fits;
    if (!each) {
        // An app's contract has no price: without max-credits (which reads its recent charges) it has no estimate.
        context.log.info(`Balance: ${before} credits (the runs' cost is not known before Armox charges them).`);
        return;
    }
    if (count === 0)
        return;
    const total = each.credits * count;
    if (total <= before) {
        context.log.info(`Balance: ${before} credits, enough for the estimated ${total} (${plural(count, 'run')}).`);
        return;
    }
    const fits = Math.floor(before / each.credits);
    const cost = count === 1
        ? `the run would cost ${each.credits} (${each.source})`
        : `the ${count} runs would cost an estimated ${total} (${each.credits} each, ${each.source}); ${fits === 0 ? 'none' : fits} would fit`;
    const reason = `The Armox balance is ${before} credits, and ${cost}.`;
    if (dryRun) {
        const warning = `${reason} The real run would submit nothing unless credits are added first.`;
        context.log.warning(warning);
        context.record.note(warning);
        return;
    }
    // Nothing is charged: the balance after is the one before.
    context.record.balanceKnown({ before, after: before, afterFrom: 'charges' });
    for (const run of runs)
        run.ended('skipped', `not submitted: ${reason}`);
    context.record.addNextStep('Add credits to the Armox account (or run fewer items), then run again.');
    throw new ActionError(`${reason} Nothing was submitted and no credits were spent.`);
}
/**
 * At the end: the balance after the step, read again; when that read fails,
 * the balance before minus what this step was charged (said in `afterFrom`).
 */
async function settleBalance(context) {
    const balance = context.record.balance;
    if (!balance)
        return;
    const read = context.signal.aborted ? undefined : await readBalance(context, Deadline.after(CLEANUP_MS));
    if (read && 'problem' in read)
        context.log.debug(unreadable(read.problem));
    context.record.balanceKnown(read && 'credits' in read
        ? { ...balance, after: read.credits, afterFrom: 'account' }
        : { ...balance, after: balance.before - (context.record.creditsCharged ?? 0), afterFrom: 'charges' });
}
/** `credits` of `GET /account`, or why it could not be read; never throws. */
async function readBalance(context, deadline) {
    try {
        const account = await context.client.getAccount(deadline);
        const credits = isObject(account) ? account.credits : undefined;
        if (typeof credits === 'number' && Number.isFinite(credits))
            return { credits };
        return { problem: 'its answer has no "credits" number' };
    }
    catch (error) {
        return { problem: errorMessage(error) };
    }
}
function unreadable(problem) {
    return `The Armox balance could not be read (GET /account): ${problem}`;
}

;// CONCATENATED MODULE: ./src/money/estimate.ts

/** Where the estimate comes from once runs of this step are charged. */
const ACTUAL = 'the most a run of this step was charged';
/**
 * What the next run will cost, for `max-credits`. A model's price is known up
 * front; an app's is not (its contract has none), so it is estimated from what
 * recent runs of the same app were charged, else from the first run's charge.
 * Once runs of this step are charged, their charges correct the estimate: the
 * highest of them (never below a model's price), to stay on the safe side.
 */
class CostEstimate {
    log;
    perRun;
    source;
    capped;
    price;
    /** The highest charge of a run of this step so far. */
    highestCharge;
    constructor(log, perRun, source, 
    /** False without max-credits: nothing to estimate for, so nothing to say in the log. */
    capped = true, 
    /** A price known before submitting (a model's): charges may raise the estimate, never lower it. */
    price) {
        this.log = log;
        this.perRun = perRun;
        this.source = source;
        this.capped = capped;
        this.price = price;
    }
    /**
     * The estimate for `target`, reading the recent jobs only when an app's cost
     * matters (max-credits): without it, an app's runs are not estimated.
     */
    static async forTarget(target, maxCredits, recentJobs, log) {
        const capped = maxCredits !== undefined;
        if (target?.price !== undefined) {
            return new CostEstimate(log, target.price, `the price of ${target.title}`, capped, target.price);
        }
        if (!capped || !target)
            return new CostEstimate(log, undefined, undefined, capped);
        const charges = (await recentJobs())
            .filter((job) => target.ownsJob(job) && job.status !== 'failed' && (job.credits_charged ?? 0) > 0)
            .map((job) => job.credits_charged);
        if (charges.length === 0) {
            log.info(`max-credits: no recent run of ${target.title} shows its cost, and an app's contract has no price, so the first ` +
                `run's charge cannot be checked against max-credits (${maxCredits}) before Armox accepts it; ` +
                'that charge will be the estimate for the runs after it.');
            return new CostEstimate(log);
        }
        const highest = Math.max(...charges);
        const recent = plural(charges.length, 'recent run');
        const were = charges.length === 1 ? 'was' : 'were';
        log.info(`max-credits: estimating ${highest} credits a run, the most that ${recent} of this app ${were} charged.`);
        return new CostEstimate(log, highest, `estimated from ${recent}`);
    }
    /** A run of this step was accepted with this charge: the estimate follows the highest charge seen. */
    learn(charge) {
        if (charge === undefined || (this.highestCharge !== undefined && charge <= this.highestCharge))
            return;
        this.highestCharge = charge;
        const next = Math.max(charge, this.price ?? 0);
        if (next === this.perRun)
            return;
        const [before, beforeSource] = [this.perRun, this.source];
        this.perRun = next;
        this.source = ACTUAL;
        if (!this.capped)
            return;
        if (before === undefined) {
            this.log.info(`max-credits: estimating ${next} credits a run from the first run's charge.`);
            return;
        }
        const instead = beforeSource === ACTUAL ? `up from ${before}` : `instead of ${before}, ${beforeSource}`;
        this.log.info(`max-credits: estimating ${next} credits a run from now on, ${ACTUAL} (${instead}).`);
    }
    /** What the next run's cost was taken to be, for the warning when a charge crosses max-credits after all. */
    basis() {
        return this.perRun === undefined
            ? "Its cost could not be known before Armox accepted it: an app's contract has no price, and no recent run of it showed its cost."
            : `Its cost was taken to be ${this.perRun} credits (${this.source}).`;
    }
    /**
     * What `check` would let through of `count` runs about to be submitted, each
     * charged the estimate (for a dry run): how many fit, and why the next would not.
     */
    forecast(count, max) {
        let spent = 0;
        for (let fits = 0; fits < count; fits++) {
            const reason = this.check(spent, max);
            if (reason)
                return { fits, reason };
            spent += this.perRun ?? 0;
        }
        return { fits: count };
    }
    /**
     * Why the next run may not be submitted under `max`, or undefined when it may.
     * `unknown` names the runs whose submission's outcome is unknown (`item "2"`),
     * `unpriced` the accepted jobs whose charge Armox has not shown yet: either may
     * have been charged, so each counts as the estimate, to stay on the safe side.
     */
    check(spent, max, unknown = [], unpriced = []) {
        if (max === undefined)
            return undefined;
        const uncertain = [
            ...(unknown.length ? [whose(unknown, 'outcome', 'unknown')] : []),
            ...(unpriced.length ? [whose(unpriced, 'charge', 'not known yet')] : []),
        ].join('; and ');
        const count = unknown.length + unpriced.length;
        if (this.perRun === undefined) {
            if (count > 0) {
                return `max-credits (${max}) cannot be kept: ${uncertain}, may have been charged, and no run's cost is known yet.`;
            }
            return spent >= max ? `max-credits (${max}) is reached: ${spent} credits were spent.` : undefined;
        }
        const counted = spent + count * this.perRun;
        if (counted + this.perRun <= max)
            return undefined;
        const including = count > 0 ? ` (counting ${count * this.perRun} for ${uncertain})` : '';
        return (`max-credits is ${max}: ${counted} credits spent so far${including}, and the next run would cost ${this.perRun} ` +
            `(${this.source}), which could cross it.`);
    }
    /** What a run is taken to cost, and why (`70 credits (the price of model "x")`); undefined when unknown. */
    get each() {
        return this.perRun === undefined ? undefined : { credits: this.perRun, source: this.source ?? 'estimated' };
    }
}
/** `item "1", whose outcome is unknown`, `items "1", "2", whose charges are not known yet`. */
function whose(names, what, state) {
    return names.length === 1
        ? `${names[0]}, whose ${what} is ${state}`
        : `${names.join(', ')}, whose ${what}s are ${state}`;
}

;// CONCATENATED MODULE: ./src/money/ledger.ts



/**
 * The money of one step, in one place: what its runs were charged (the refund
 * rule is `chargeFromJob`), what is counted for runs whose charge is not known
 * (a lost answer, a job Armox has not shown a charge for: each at the estimate),
 * the `max-credits` cap, and what a run is estimated to cost (`CostEstimate`).
 * The executor asks it before each submission and tells it what it learns.
 */
class Ledger {
    cost;
    log;
    runs = [];
    /** Submissions whose outcome is unknown: they may have been charged. */
    lost = new Set();
    /** Runs whose charge the estimate has learnt from. */
    learnt = new Set();
    /** What each run's cost was taken to be when it was submitted, for the warning if it crosses the cap. */
    bases = new Map();
    /** The cap was crossed and said so (once a step). */
    crossed = false;
    maxCredits;
    chargeFree;
    note;
    constructor(cost, log, options = {}) {
        this.cost = cost;
        this.log = log;
        this.maxCredits = options.maxCredits;
        this.chargeFree = options.chargeFree ?? false;
        this.note = options.note ?? (() => undefined);
    }
    /** The ledger of a step that runs `target`: its estimate read as `CostEstimate.forTarget` reads it. */
    static async forTarget(target, recentJobs, log, options = {}) {
        const priced = options.chargeFree ? undefined : target;
        const cost = await CostEstimate.forTarget(priced, options.maxCredits, recentJobs, log);
        return new Ledger(cost, log, options);
    }
    /** The runs this ledger keeps the account of. */
    track(runs) {
        this.runs = runs;
    }
    /** What the step has spent so far: each run's known charge (a failed job's is refunded: 0). */
    spent() {
        return this.runs.reduce((sum, run) => sum + (knownCharge(run) ?? 0), 0);
    }
    /** The run is about to be submitted: what its cost is taken to be is kept for the warning if it crosses the cap. */
    submitting(run) {
        this.bases.set(run, this.cost.basis());
    }
    /** The run's submission failed with its outcome unknown: it counts at the estimate from now on. */
    outcomeUnknown(run) {
        this.lost.add(run);
    }
    /**
     * Why the next run may not be submitted under `max-credits`, or undefined
     * when it may. `what` names a run in the reason (`item "2"`).
     */
    refusal(what) {
        if (this.chargeFree)
            return undefined;
        const lost = [...this.lost].map(what);
        const unpriced = this.runs.filter((run) => !this.lost.has(run) && this.chargeUnknown(run)).map(what);
        return this.cost.check(this.spent(), this.maxCredits, lost, unpriced);
    }
    /** An accepted job whose charge a poll may still show: a refusal may be lifted by waiting for it. */
    awaitingCharges() {
        return this.runs.some((run) => this.chargeUnknown(run) && !isTerminal(run.status ?? ''));
    }
    /**
     * Charges the step has just seen (in a run's answer or a poll): the estimate
     * learns from them, and a charge that takes the step past `max-credits` is
     * warned about (once). `naming` names a run.
     */
    review(naming) {
        for (const run of this.runs) {
            const charge = knownCharge(run);
            if (charge === undefined || !run.jobId || run.reusedFrom || run.borrowedFrom || this.learnt.has(run))
                continue;
            this.learnt.add(run);
            if (charge > 0)
                this.cost.learn(charge);
            this.warnIfCrossed(run, charge, naming.what(run), naming.paidFor());
        }
    }
    /** What max-credits would let through of `count` runs about to be submitted (for a dry run and refused inputs). */
    forecast(count) {
        if (this.chargeFree)
            return { fits: count };
        return this.cost.forecast(count, this.maxCredits);
    }
    /**
     * `max-credits would also refuse the run: …`, for a step whose inputs were
     * refused, so that one run of the step tells every problem. Undefined when the
     * runs fit.
     */
    refusalNote(count) {
        const { fits, reason } = this.forecast(count);
        if (!reason)
            return undefined;
        const which = fits === 0 ? (count === 1 ? 'the run' : 'every run') : `the runs after the first ${fits} of ${count}`;
        return `max-credits would also refuse ${which}: ${reason}`;
    }
    /**
     * A charge took the step past max-credits: possible only when the run's cost
     * could not be known before Armox accepted it, or was more than estimated.
     * The run is paid for, so it is followed and delivered, not cancelled.
     */
    warnIfCrossed(run, charge, what, paidFor) {
        const max = this.maxCredits;
        const spent = this.spent();
        if (max === undefined || spent <= max || this.crossed)
            return;
        this.crossed = true;
        const basis = this.bases.get(run) ?? this.cost.basis();
        const message = `max-credits (${max}) is crossed: Armox charged ${charge} credits for ${what} (job ${run.jobId}), ` +
            `so this step has spent ${spent}. ${basis} ${paidFor}`;
        this.log.warning(message);
        this.note(message);
    }
    chargeUnknown(run) {
        return run.jobId !== undefined && knownCharge(run) === undefined;
    }
}

;// CONCATENATED MODULE: ./src/report/dry-run.ts


/**
 * `dry-run`: what would be sent, the contract and a ready-to-paste `inputs:`
 * block; nothing submitted. When `max-credits` would refuse a run, the dry run
 * says so and fails as the real run would, before anything is charged.
 */
function reportDryRun(target, runs, context, ledger) {
    const { log, record } = context;
    const requests = runs.map((run) => ({ name: run.record.name, body: run.request.body }));
    const shown = { requests, skeleton: target.inputsSkeleton(), contract: target.contractTable() };
    record.dryRunShown(shown);
    const { naming } = record;
    log.info(`Dry run: ${naming.runsMatch(runs.length)} the contract of ${target.title}. Nothing was submitted and no credits were spent.`);
    for (const request of requests) {
        log.info(`Request that would be sent${naming.forRequest(request.name)} (${target.submitCall}):\n${JSON.stringify(request.body, null, 2)}`);
    }
    log.info(shown.contract);
    log.info(`Ready-to-paste inputs:\n${shown.skeleton}`);
    const refused = capRefusal(runs, ledger, context);
    if (refused)
        throw refused;
}
/**
 * A step whose inputs were refused (a dry run or a real one) still gives what
 * a dry run is for: the contract and a ready-to-paste `inputs:` block, which
 * the summary ends with. The refusal follows it in the log.
 */
function reportRefusedDryRun(target, context) {
    const { log, record } = context;
    const skeleton = target.inputsSkeleton();
    record.contractShown({ requests: [], skeleton, contract: target.contractTable() });
    log.info(`Ready-to-paste inputs (fill in what the problems below name):\n${skeleton}`);
}
/**
 * What max-credits would do with the runs that would be submitted (a reused one
 * costs nothing), told as the real run tells it: a single run refused, or a
 * batch's remaining items skipped. Undefined when every run fits.
 */
function capRefusal(runs, ledger, context) {
    const toSubmit = runs.filter((run) => !run.job);
    const { fits, reason } = ledger.forecast(toSubmit.length);
    if (!reason)
        return undefined;
    if (!context.record.perItem)
        return new ActionError(`${reason} Nothing was submitted and no credits were spent.`);
    const skipped = toSubmit.slice(fits);
    context.log.warning(`The real run would not submit the ${plural(skipped.length, 'remaining run')}: ${reason}`);
    for (const run of skipped)
        run.record.ended('skipped', `not submitted: ${reason}`);
    return new ActionError(`${skipped.length} of ${plural(runs.length, 'run')} would not be submitted:\n` +
        skipped.map((run) => `- ${run.record.name}: skipped (not submitted: ${reason})`).join('\n'));
}

;// CONCATENATED MODULE: ./src/request/adopt.ts


/**
 * Never pay twice: each run whose identical completed job is in the account's
 * recent jobs (within the `reuse` window, its files still answering) adopts it
 * instead of submitting. One `GET /jobs` for the whole step.
 */
async function adoptEarlierJobs(config, target, runs, recentJobs, deadline, context) {
    const { log, signal } = context;
    const since = await reuseSince(config.reuse, {
        runAttempt: String(config.github.runAttempt),
        token: config.githubToken,
        apiUrl: config.github.apiUrl,
        repository: config.github.repository,
        runId: config.github.runId,
        log,
        signal,
        deadline,
    });
    if (since === undefined) {
        const why = describeNoWindow(config.reuse, String(config.github.runAttempt));
        // A dry run says what the real run would do; a real first attempt has nothing worth a line.
        if (config.dryRun)
            log.info(`${why}; ${runs.length > 1 ? 'every run' : 'the run'} would be submitted.`);
        else
            log.debug(`${why}.`);
        for (const run of runs)
            run.record.notReused();
        return;
    }
    log.info(`reuse: looking for ${describeWindow(config.reuse, since)} with identical inputs.`);
    const jobs = await recentJobs();
    const claimed = new Set();
    const outputUrls = (job) => collectOutputs(job).items.flatMap((item) => (item.kind === 'text' ? [] : [item.value]));
    for (const run of runs) {
        const label = context.record.naming.label(run.record.name);
        const say = (text) => log.info(labelled(label, text));
        const candidates = findReusableJob(jobs, target, run.request, since);
        const job = await pickReusableJob(candidates, { deadline, signal, log, outputUrls, claimed, label });
        if (!job) {
            const then = config.dryRun ? 'a run would be submitted and charged' : 'submitting (this run will be charged)';
            say(`nothing to reuse; ${then}.`);
            run.record.notReused();
            continue;
        }
        run.job = job;
        run.record.reused(job, Date.now());
        const charged = job.credits_charged !== undefined ? `, charged ${job.credits_charged} credits then` : '';
        say(`${config.dryRun ? 'would reuse' : 'reusing'} job ${job.id} (created ${job.created_at ?? 'at an unknown time'}${charged}): ` +
            `identical inputs, completed, files still there. ${config.dryRun ? 'A run would charge nothing.' : 'Nothing is charged.'}`);
    }
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/request/repo-files.ts
/**
 * Image inputs from the repository. Armox fetches image inputs by URL; a file
 * committed to a public repository already has one, at the commit being built.
 * A workspace-relative path (`sketches/hall.png`) becomes that URL when the
 * file is committed, unchanged, at GITHUB_SHA; anything else is a problem text
 * that names the input and says how to fix it. Git answers the questions.
 */





/** True for values this module resolves: anything that is not an http(s) URL. */
function isRepoFileValue(value) {
    return !isHttpUrl(value.trim());
}
/**
 * Resolves each local path to its public URL at `context.sha`. Every problem is
 * collected (one text per value, or one per shared cause), so the caller can
 * list them with the other input problems before anything is submitted.
 */
async function resolveRepoFiles(requests, context) {
    // One slot per request keeps the problems in the order the values were written.
    const slots = requests.map(() => ({}));
    const candidates = [];
    requests.forEach((request, index) => {
        const relative = workspaceRelative(request.value);
        if (relative.problem !== undefined)
            slots[index].problem = `${describeRequest(request)} ${relative.problem}`;
        else
            candidates.push({ index, relative: relative.path });
    });
    const shared = candidates.length > 0 ? await checkRepository(context) : undefined;
    if (typeof shared === 'string') {
        const named = candidates.map((candidate) => describeRequest(requests[candidate.index])).join(', ');
        slots[candidates[0].index].problem = `${named}: ${shared}`;
    }
    else if (shared) {
        for (const { index, relative } of candidates) {
            const request = requests[index];
            const found = await committedFile(relative, shared, context);
            if (found.problem !== undefined)
                slots[index].problem = `${describeRequest(request)} ${found.problem}`;
            else {
                const url = repoFileUrl(context.serverUrl, shared.repository, shared.sha, found.path, found.lfs);
                slots[index].mapping = { ...request, path: found.path, url };
            }
        }
    }
    return {
        mappings: slots.flatMap((slot) => (slot.mapping ? [slot.mapping] : [])),
        problems: slots.flatMap((slot) => (slot.problem ? [slot.problem] : [])),
    };
}
/** `sketches/hall.png → https://…` lines, for the log and the dry run. */
function describeMappings(mappings) {
    return mappings.map((mapping) => `${mapping.input}: ${mapping.value.trim()} → ${mapping.url}`);
}
/**
 * The URL of `filePath` at `sha`: raw.githubusercontent.com on github.com (or
 * media.githubusercontent.com for a Git LFS file), `<server>/<owner>/<repo>/raw/<sha>/<path>`
 * on GitHub Enterprise Server (which redirects LFS files itself). Each segment is URL-encoded.
 */
function repoFileUrl(serverUrl, repository, sha, filePath, lfs = false) {
    const segments = [...repository.split('/'), sha, ...filePath.split('/')].map(encodeURIComponent).join('/');
    const server = (serverUrl || 'https://github.com').replace(/\/+$/, '');
    if (!isGitHubDotCom(server)) {
        const [owner, repo, ...rest] = segments.split('/');
        return `${server}/${owner}/${repo}/raw/${rest.join('/')}`;
    }
    return lfs
        ? `https://media.githubusercontent.com/media/${segments}`
        : `https://raw.githubusercontent.com/${segments}`;
}
function isGitHubDotCom(serverUrl) {
    try {
        return new URL(serverUrl).hostname.toLowerCase() === 'github.com';
    }
    catch {
        return false;
    }
}
function describeRequest(request) {
    return `${request.input} (${printable(request.value.trim())})`;
}
/** The value as a `/`-separated path inside the workspace, or why it cannot be one. */
function workspaceRelative(value) {
    const text = value.trim();
    if (/^[a-z][a-z0-9+.-]+:/i.test(text)) {
        return {
            problem: 'is neither an http(s) URL nor a path in the repository: give a public http(s) URL, or the path of a committed file.',
        };
    }
    if (text.includes('\0'))
        return { problem: 'is not a valid path.' };
    const slashed = text.replace(/\\/g, '/');
    if (slashed.startsWith('/') || /^[a-z]:\//i.test(slashed)) {
        return {
            problem: 'is an absolute path: give the path relative to the repository root (like sketches/hall.png) of a committed file.',
        };
    }
    const normalized = external_node_path_namespaceObject.posix.normalize(slashed);
    if (normalized === '..' || normalized.startsWith('../')) {
        return { problem: 'points outside the workspace: only files committed to this repository have a public URL.' };
    }
    if (normalized === '.' || normalized.endsWith('/'))
        return { problem: 'is a folder, not a file.' };
    return { path: normalized };
}
/** What all values share: a public repository, a git checkout, the commit. A string is the problem. */
async function checkRepository(context) {
    const repository = context.repository ?? '';
    if (!splitRepository(repository)) {
        return (`a path is read as a file of this repository, which needs GITHUB_REPOSITORY (owner/repo), but it is ${repository ? JSON.stringify(repository) : 'not set'}: ` +
            'outside GitHub Actions, give a public http(s) URL instead.');
    }
    const visibility = repositoryVisibility(context.eventPayload);
    if (visibility !== 'public') {
        return (`${visibility === 'private' ? `${repository} is not public` : `cannot tell whether ${repository} is public (the event payload has no repository visibility)`}, ` +
            'so its files have no public URL that Armox could fetch. Host the image somewhere public ' +
            '(a release asset, a storage bucket) and give its https URL, or make the repository public.');
    }
    const sha = (context.sha ?? '').trim();
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(sha)) {
        return `a repository file needs the commit being built, but GITHUB_SHA is ${sha ? JSON.stringify(sha) : 'not set'}.`;
    }
    const top = await git(context, context.workspace, ['rev-parse', '--show-toplevel']);
    if (!top.ok) {
        return top.missing
            ? 'git is not installed, so the file cannot be checked against the commit.'
            : `the workspace (${context.workspace}) is not a git checkout (${top.error}): run actions/checkout (without \`path:\`) before this step.`;
    }
    const commit = await git(context, context.workspace, ['cat-file', '-e', `${sha}^{commit}`]);
    if (!commit.ok) {
        return `commit ${sha.slice(0, 12)} (GITHUB_SHA) is not in the checkout: check out the commit being built (actions/checkout does by default).`;
    }
    try {
        return {
            root: await (0,promises_namespaceObject.realpath)(top.stdout.trim()),
            workspace: await (0,promises_namespaceObject.realpath)(context.workspace),
            repository,
            sha: sha.toLowerCase(),
        };
    }
    catch (error) {
        return `the workspace (${context.workspace}) cannot be read: ${error.message}.`;
    }
}
/** `public`, `private` (also `internal`) or `unknown`, from the payload's repository. */
function repositoryVisibility(payload) {
    const repository = isObject(payload) ? payload.repository : undefined;
    if (!isObject(repository))
        return 'unknown';
    if (typeof repository.visibility === 'string') {
        return repository.visibility.toLowerCase() === 'public' ? 'public' : 'private';
    }
    if (repository.private === false)
        return 'public';
    if (repository.private === true)
        return 'private';
    return 'unknown';
}
const COMMIT_FIRST = 'commit and push it first';
/** The file's path in the repository once it is known to be committed, unchanged, at the commit. */
async function committedFile(relative, repository, context) {
    const absolute = external_node_path_namespaceObject.resolve(repository.workspace, relative);
    let real;
    try {
        real = await (0,promises_namespaceObject.realpath)(absolute);
    }
    catch {
        return {
            problem: `does not exist in the workspace (the path is relative to the workspace, where actions/checkout put the repository).`,
        };
    }
    const inRepo = external_node_path_namespaceObject.relative(repository.root, real);
    if (inRepo.startsWith('..') || external_node_path_namespaceObject.isAbsolute(inRepo) || !isInside(repository.workspace, real)) {
        return {
            problem: 'leads outside the workspace (through a symbolic link): only committed files have a public URL.',
        };
    }
    if (!(await (0,promises_namespaceObject.stat)(real)).isFile())
        return { problem: 'is not a file.' };
    const repoPath = inRepo.split(external_node_path_namespaceObject.sep).join('/');
    const short = repository.sha.slice(0, 12);
    const committed = await git(context, repository.root, [
        'rev-parse',
        '--verify',
        '--quiet',
        `${repository.sha}:${repoPath}`,
    ]);
    if (!committed.ok) {
        return { problem: `is not in commit ${short} (not committed, or not pushed with it): ${COMMIT_FIRST}.` };
    }
    const local = await git(context, repository.root, ['hash-object', `--path=${repoPath}`, '--', real]);
    if (!local.ok)
        return { problem: `could not be compared with commit ${short}: ${local.error}.` };
    if (local.stdout.trim() !== committed.stdout.trim()) {
        return {
            problem: `differs from the version in commit ${short}, which is what its URL serves: ${COMMIT_FIRST}.`,
        };
    }
    return { path: repoPath, lfs: await isLfsPointer(committed.stdout.trim(), repository.root, context) };
}
function isInside(folder, file) {
    const relative = external_node_path_namespaceObject.relative(folder, file);
    return relative !== '' && !relative.startsWith('..') && !external_node_path_namespaceObject.isAbsolute(relative);
}
/** A Git LFS file is committed as a small pointer; its content is served from another host. */
async function isLfsPointer(blob, root, context) {
    const size = await git(context, root, ['cat-file', '-s', blob]);
    if (!size.ok || Number(size.stdout.trim()) > 1024)
        return false;
    const content = await git(context, root, ['cat-file', 'blob', blob]);
    return content.ok && content.stdout.startsWith('version https://git-lfs.github.com/spec/v1');
}
/** Runs one git command in `cwd`; never throws. */
function git(context, cwd, args) {
    return new Promise((resolve) => {
        (0,external_node_child_process_namespaceObject.execFile)(context.git ?? 'git', ['-C', cwd, ...args], { encoding: 'utf8', maxBuffer: 1024 * 1024, timeout: 30_000 }, (error, stdout, stderr) => {
            if (!error)
                return resolve({ ok: true, stdout });
            const missing = error.code === 'ENOENT';
            const detail = stderr.trim().split('\n')[0] || error.message;
            resolve({ ok: false, error: printable(detail, 200), missing });
        });
    });
}

;// CONCATENATED MODULE: ./src/request/local-images.ts

/**
 * Stands in for a path that could not be mapped, so the contract check does
 * not report the same value a second time ("not an http(s) URL"). It is never
 * sent: the path's problem is listed, so nothing is submitted.
 */
const UNMAPPED = 'https://unmapped-repository-file.invalid/';
/**
 * Image inputs given as workspace paths, sent as their public URL at the commit
 * being built (public repositories only; see repo-files.ts). Every string value
 * of an image input (`isImageInput(key)`, by the target's contract) that is not
 * an http(s) URL is resolved once; the sources come back with the URLs in
 * place, and every value that cannot be mapped is a problem. Other inputs are
 * left alone: a text input may well say `hero.png`.
 */
async function mapLocalImages(runs, context, isImageInput) {
    const requests = new Map();
    for (const sources of runs) {
        for (const source of sources) {
            for (const [key, value] of source.entries) {
                if (!isImageInput(key))
                    continue;
                for (const text of localPaths(value))
                    if (!requests.has(text))
                        requests.set(text, `${source.name}: "${key}"`);
            }
        }
    }
    if (requests.size === 0)
        return { runs, mappings: [], problems: [] };
    const { mappings, problems } = await resolveRepoFiles([...requests].map(([value, input]) => ({ input, value })), context);
    const urls = new Map(mappings.map((mapping) => [mapping.value, mapping.url]));
    const swap = (value) => typeof value === 'string'
        ? requests.has(value)
            ? (urls.get(value) ?? UNMAPPED)
            : value
        : Array.isArray(value)
            ? value.map(swap)
            : value;
    return {
        runs: runs.map((sources) => sources.map((source) => ({
            ...source,
            entries: source.entries.map(([key, value]) => [key, isImageInput(key) ? swap(value) : value]),
        }))),
        mappings,
        problems,
    };
}
/** The non-empty strings of a value (one, or a list) that are not http(s) URLs. */
function localPaths(value) {
    if (typeof value === 'string')
        return value.trim() !== '' && isRepoFileValue(value) ? [value] : [];
    return Array.isArray(value) ? value.flatMap(localPaths) : [];
}

;// CONCATENATED MODULE: ./src/request/plan.ts




/**
 * Finds what the step runs — the app (by id or name) or the model — and
 * records it. When it is not found, the problems already known with the runs'
 * inputs are listed too, so that fixing one does not only reveal the next.
 */
async function loadTarget(config, deadline, context) {
    const { client, log, record } = context;
    const kind = kindChosenBy(config);
    return log.group(kind.checking, async () => {
        let target;
        try {
            target = await kind.load(config, client, deadline);
        }
        catch (error) {
            const known = config.runInputs.problems;
            if (!(error instanceof InputError) || known.length === 0)
                throw error;
            const fileProblems = config.runInputs.annotations;
            throw new InputError(`${error.message}\n\nThe runs' inputs have problems too:\n${list(known)}`, fileProblems);
        }
        record.targetKnown(target.info());
        log.info(target.describe());
        return target;
    });
}
/**
 * The runs of the step, each checked against the target's contract before
 * anything is submitted: the single run, or every item of the batch. When any
 * run has a problem — in its contract, its item name, or a document that could
 * not be read — nothing is submitted and every problem is listed at once.
 */
async function planRuns(config, target, context) {
    const { shared, items, problems: readProblems, unreadable } = config.runInputs;
    const runs = items ?? [undefined];
    context.record.planned(config.batchGiven && runs.length > 1);
    const records = runs.map((item) => context.record.addRun(item?.name ?? '1'));
    // Without a shared source, every run would be checked without values it has: no check beats a wrong one.
    const checked = unreadable.length > 0 ? undefined : await checkRuns(config, target, context, shared, runs);
    const contractProblems = checked?.problems ?? [];
    if (readProblems.length > 0 || contractProblems.length > 0) {
        // A single run's unreadable `inputs` is its only problem; a batch's items deserve the reason they were not checked.
        const uncheckedBecause = config.batchGiven && runs.length > 0 ? unreadable : [];
        const found = { readProblems, contractProblems, uncheckedBecause, fileProblems: config.runInputs.annotations };
        throw inputsFailure(found, target, runs.length);
    }
    return runs.map((_, index) => {
        const request = checked.requests[index];
        records[index].prepared(request.inputs);
        return { record: records[index], request };
    });
}
/** Each run's request (local image paths mapped) checked against the contract; every problem named by its source. */
async function checkRuns(config, target, context, shared, runs) {
    const problems = new Set();
    const local = await mapLocalImages(runs.map((item) => (item ? [...shared, item.source] : shared)), {
        workspace: config.workspace,
        sha: config.github.sha,
        repository: config.github.repository,
        serverUrl: config.github.serverUrl,
        eventPayload: context.event,
    }, (key) => target.isImageInput(key));
    local.problems.forEach((problem) => problems.add(problem));
    for (const line of describeMappings(local.mappings))
        context.log.info(`Image from the repository: ${line}`);
    const warnings = new Set();
    const requests = runs.map((item, index) => {
        const sources = local.runs[index];
        const preparation = target.prepare(sources, config.webhookUrl);
        preparation.problems.forEach((problem) => problems.add(item ? namingItem(problem, sources, item) : problem));
        preparation.warnings.forEach((warning) => warnings.add(warning));
        return preparation.request;
    });
    for (const warning of warnings)
        context.log.warning(warning);
    return { requests, problems: [...problems] };
}
/**
 * Why nothing is submitted: the problems reading the runs' documents (names,
 * syntax), why the contract was not checked when it could not be (the shared
 * inputs it needs could not be read), and the problems against the contract,
 * with the contract itself.
 */
function inputsFailure(found, target, runCount) {
    const { readProblems, contractProblems, uncheckedBecause } = found;
    const sections = [];
    if (readProblems.length > 0) {
        const count = readProblems.length;
        sections.push(count === 1 ? readProblems[0] : `The runs' inputs have ${count} problems:\n${list(readProblems)}`);
    }
    if (uncheckedBecause.length > 0) {
        sections.push(`The items were not checked against the contract of ${target.title}: every item includes ` +
            `${uncheckedBecause.join(' and ')}, which could not be read.`);
    }
    if (contractProblems.length > 0) {
        const what = runCount > 1 ? `The batch's ${runCount} runs do not` : 'The inputs do not';
        sections.push(`${what} match the contract of ${target.title}:\n${list(contractProblems)}`, target.contractTable());
    }
    sections.push('Nothing was submitted and no credits were spent.');
    return new InputError(sections.join('\n\n'), found.fileProblems);
}
function list(problems) {
    return problems.map((problem) => `- ${problem}`).join('\n');
}
/** A problem that names no source (a missing required input) is the item's: say which, or items' problems merge. */
function namingItem(problem, sources, item) {
    return sources.some((source) => problem.startsWith(`${source.name}:`)) ? problem : `${item.source.name}: ${problem}`;
}

;// CONCATENATED MODULE: ./src/request/rehearsal.ts

/**
 * `rehearsal: true`: each run borrows a completed job of the same app or model
 * (any inputs) instead of submitting, so the rest of the workflow can be built
 * without paying. The newest jobs are lent out in turn: distinct where there
 * are enough, repeated otherwise. Uses the step's one job list (shared with
 * max-credits). Throws before anything else when there is no such job.
 */
async function borrowCompletedJobs(target, runs, recentJobs, context) {
    const { log } = context;
    const jobs = newestCompleted(await recentJobs(), target);
    const what = target.title;
    if (jobs.length === 0) {
        throw new ActionError(`rehearsal: there is no completed job of ${what} among the account's recent jobs to stand in for the run. ` +
            'Run it once for real (without rehearsal), or use dry-run: true to check the inputs without a job.');
    }
    const now = Date.now();
    for (const [index, run] of runs.entries()) {
        const job = jobs[index % jobs.length];
        run.job = job;
        run.record.borrowed(job, now);
    }
    log.notice(rehearsalNotice(runs, jobs.length, what));
}
/** The target's completed jobs, newest first. */
function newestCompleted(jobs, target) {
    return jobs
        .filter((job) => job.status === 'completed' && target.ownsJob(job))
        .map((job) => ({ job, created: Date.parse(job.created_at ?? '') || 0 }))
        .sort((a, b) => b.created - a.created)
        .map(({ job }) => job);
}
function rehearsalNotice(runs, available, what) {
    const lead = 'Rehearsal: nothing is submitted and nothing is charged.';
    const single = runs.length === 1 ? runs[0].job : undefined;
    if (single) {
        return (`${lead} Job ${single.id} of ${what} (created ${single.created_at ?? 'at an unknown time'}; its inputs may differ) ` +
            'stands in for the run: its outputs and files were not made for this run.');
    }
    const lent = [...new Set(runs.map((run) => run.job.id))].join(', ');
    const turn = available < runs.length ? `, lent in turn (only ${available} completed)` : '';
    return `${lead} Completed jobs of ${what} stand in for the ${runs.length} items${turn}: ${lent}.`;
}
/**
 * A rehearsal attaches borrowed files only to a draft release: on a published
 * one they would pass for the release's own. Returns the release to use.
 */
function rehearsalRelease(release, log) {
    if (!release || release.draft)
        return release;
    log.warning(`upload-to-release: not uploading to release ${release.tag}: it is published, and a rehearsal's files come from ` +
        'an earlier job with other inputs, not from this run. Use a draft release to rehearse the upload.');
    return undefined;
}

;// CONCATENATED MODULE: ./src/request/collaborator-access.ts
/**
 * What GitHub says of one person's access to the repository, for the trigger
 * guard: `GET /repos/{owner}/{repo}/collaborators/{username}/permission`,
 * which the default GITHUB_TOKEN may read, through `core/github-api.ts`.
 */



/** The roles that may push (the answer's `role_name`; `permission` folds maintain into write). */
const WRITE_ROLES = ['admin', 'maintain', 'write'];
/** A function that asks GitHub about a login's access, or undefined when there is no token to ask with. */
function accessLookup(options) {
    const { token } = options;
    if (!token)
        return undefined;
    return (login) => accessOf(login, token, options);
}
async function accessOf(login, token, options) {
    const repository = splitRepository(options.repository);
    if (!repository)
        return { kind: 'unknown', why: 'GITHUB_REPOSITORY is not set' };
    try {
        const octokit = await connect(token, options.apiUrl, options.log);
        const github = new GitHubCalls(octokit, {
            signal: options.signal,
            deadline: options.deadline,
            log: options.log,
            ...LOOKUP_CALLS,
        });
        const answer = await github.call(`read the permission of @${login}`, (request) => octokit.rest.repos.getCollaboratorPermissionLevel({ ...repository, username: login, request }), () => undefined);
        if (!answer)
            return { kind: 'less', what: `is not a collaborator on ${options.repository}` };
        const data = answer.data;
        const role = isObject(data) && typeof data.role_name === 'string' ? data.role_name : undefined;
        const permission = isObject(data) && typeof data.permission === 'string' ? data.permission : 'none';
        if (WRITE_ROLES.includes(role ?? '') || WRITE_ROLES.includes(permission))
            return { kind: 'write' };
        return { kind: 'less', what: `has ${role ?? permission} access to ${options.repository}` };
    }
    catch (error) {
        if (error instanceof CancelledError)
            throw error;
        return { kind: 'unknown', why: errorMessage(error) };
    }
}

;// CONCATENATED MODULE: ./src/request/trigger-actor.ts

/** The event's subject: its payload key and what its author did. */
const SUBJECTS = {
    issue_comment: ['comment', 'a comment'],
    pull_request: ['pull_request', 'a pull request opened'],
    pull_request_target: ['pull_request', 'a pull request opened'],
    pull_request_review: ['review', 'a review'],
    pull_request_review_comment: ['comment', 'a review comment'],
    issues: ['issue', 'an issue opened'],
    discussion: ['discussion', 'a discussion opened'],
    discussion_comment: ['comment', 'a discussion comment'],
};
function triggeringActor(eventName, payload, envActor) {
    const event = isObject(payload) ? payload : {};
    if (eventName === 'workflow_run')
        return upstreamActor(event, envActor);
    const [key, deed] = SUBJECTS[eventName] ?? [];
    const subject = key !== undefined ? objectAt(event, key) : undefined;
    const author = loginOf(subject?.user);
    const login = loginOf(event.sender) ?? (envActor || undefined) ?? author;
    if (!subject || author !== login)
        return { login };
    const raw = subject.author_association;
    return { login, deed, association: typeof raw === 'string' && raw ? raw.toUpperCase() : undefined };
}
/** The actor of the run that triggered this one, and whether its code came from a fork. */
function upstreamActor(event, envActor) {
    const run = objectAt(event, 'workflow_run') ?? {};
    const login = loginOf(run.triggering_actor) ?? loginOf(run.actor) ?? loginOf(event.sender) ?? (envActor || undefined);
    const head = fullName(run.head_repository);
    const base = fullName(run.repository) ?? fullName(event.repository);
    const forkHead = head && head.toLowerCase() !== base?.toLowerCase() ? head : undefined;
    return { login, forkHead, deed: 'the upstream workflow run started' };
}
function objectAt(record, key) {
    const value = record[key];
    return isObject(value) ? value : undefined;
}
function loginOf(value) {
    return isObject(value) && typeof value.login === 'string' && value.login ? value.login : undefined;
}
function fullName(value) {
    return isObject(value) && typeof value.full_name === 'string' ? value.full_name : undefined;
}

;// CONCATENATED MODULE: ./src/request/trigger-guard.ts

/**
 * Who may spend the credits. A workflow gets the repository's secrets on
 * behalf of whoever triggered it; on a public repository, many events can be
 * triggered by anyone (a comment, an issue, a review, a fork's pull request
 * whose run starts a `workflow_run`). So the run goes ahead on an event only
 * people with write access can start, and on any other event (known or not)
 * only when the person who triggered it has write access.
 */
/** Events only people with write access (or GitHub itself, on their behalf) can start. */
const WRITER_EVENTS = [
    'push',
    'workflow_dispatch',
    'schedule',
    'release',
    'merge_group',
    'repository_dispatch',
    'create',
    'delete',
    'deployment',
    'deployment_status',
    'page_build',
    'registry_package',
    'branch_protection_rule',
    'public',
];
/** The associations GitHub gives to people with write access or organisation membership. */
const TRUSTED_ASSOCIATIONS = ['OWNER', 'MEMBER', 'COLLABORATOR'];
/**
 * Returns the problem text when the trigger may not spend credits, else
 * undefined. Call it before any request that costs.
 */
async function checkTrigger(check) {
    const { eventName } = check;
    if (check.allowUntrusted || !eventName || WRITER_EVENTS.includes(eventName))
        return undefined;
    const actor = triggeringActor(eventName, check.payload, check.actor);
    const why = await whyUntrusted(actor, check);
    return why === undefined ? undefined : trigger_guard_refusal(eventName, actor, why);
}
/** Why `actor` may not spend, or undefined when they have write access. */
async function whyUntrusted(actor, check) {
    if (actor.forkHead)
        return `from the fork ${actor.forkHead}`;
    if (actor.association) {
        if (TRUSTED_ASSOCIATIONS.includes(actor.association))
            return undefined;
        return `whose author_association is ${actor.association} (only ${TRUSTED_ASSOCIATIONS.join(', ')} may spend credits on this event)`;
    }
    const unsaid = 'and the event payload does not say how they are associated with the repository';
    if (!actor.login)
        return unsaid;
    if (!check.accessOf)
        return `${unsaid}, and github-token is empty, so GitHub cannot be asked`;
    const access = await check.accessOf(actor.login);
    if (access.kind === 'write')
        return undefined;
    if (access.kind === 'less')
        return `who ${access.what} (only people with write access may spend credits on this event)`;
    return `${unsaid}, and GitHub could not say whether they have write access: ${access.why}`;
}
function trigger_guard_refusal(eventName, actor, why) {
    const who = actor.login ? `@${actor.login}` : 'a user the payload does not name';
    const what = actor.deed ? `${actor.deed} by ${who}` : who;
    return (`Refusing to run: this ${eventName} run was triggered by ${what}, ${why}. ` +
        `On ${eventName} the workflow gets the repository's secrets on behalf of whoever triggered it, so on a public repository ` +
        "anyone could spend your Armox key's credits. To allow it anyway, set `allow-untrusted-trigger: true` " +
        '(and gate the job another way: an environment with required reviewers, or a label only maintainers can add).');
}

;// CONCATENATED MODULE: ./src/kinds/followed-job.ts


/** What a job followed by id (`job-id`) ran, named as for a new run, and its inputs as sent. */
async function followedTarget(job, client, deadline, log) {
    const kind = kindOfJob(job);
    const target = await kind.followed(job, client, deadline, log);
    const inputs = kind.jobInputs(job);
    return { target, inputs: isObject(inputs) ? inputs : undefined };
}

;// CONCATENATED MODULE: ./src/pipeline.ts














/**
 * The action's pipeline: find the target (an app or a model), check every
 * run's inputs against its contract, submit each run once, wait for the jobs,
 * and deliver their files. `timeout` bounds all of it. Throws an ActionError
 * when the step should fail; `context.record` holds the story either way.
 */
async function runPipeline(config, context) {
    const deadline = Deadline.after(config.timeoutMs, context.now);
    if (config.rehearsal)
        context.record.rehearsing();
    if (config.jobId)
        return followJob(config, config.jobId, deadline, context);
    // Before any request: on public repositories, anyone can comment or open a pull request.
    if (!config.dryRun)
        await refuseUntrustedTrigger(config, deadline, context);
    const balance = prefetchBalance(config.rehearsal, deadline, context);
    const target = await loadTarget(config, deadline, context);
    const recentJobs = lazyRecentJobs(deadline, context);
    const money = { maxCredits: config.maxCredits, note: (text) => context.record.note(text) };
    const ledger = () => Ledger.forTarget(target, recentJobs, context.log, money);
    let runs;
    try {
        runs = await planRuns(config, target, context);
    }
    catch (error) {
        if (error instanceof InputError)
            reportRefusedDryRun(target, context);
        throw await withCapRefusal(error, config, ledger, context);
    }
    if (config.rehearsal)
        await borrowCompletedJobs(target, runs, recentJobs, context);
    else
        await adoptEarlierJobs(config, target, runs, recentJobs, deadline, context);
    const toSubmit = runs.filter((run) => !run.job).map((run) => run.record);
    const spending = await ledger();
    await checkBalance(spending, toSubmit, config.dryRun, balance, context);
    if (config.dryRun)
        return reportDryRun(target, runs, context, spending);
    // Found before paying, so no credits are spent on assets with nowhere to go.
    let release = await findRelease(config, context, deadline);
    if (config.rehearsal)
        release = rehearsalRelease(release, context.log);
    let incomplete;
    try {
        incomplete = await runAll({ target, runs, config, deadline, context, ledger: spending });
    }
    catch (error) {
        await settleBalance(context);
        throw error;
    }
    // The balance after is read while the files download, not before.
    const settling = settleBalance(context);
    try {
        warnFilesNotYetMade(config, context);
        if (!incomplete)
            context.record.succeeded(config.wait ? 'completed' : 'submitted');
        await deliverRuns(runs, { config, release, deadline, context, incomplete });
    }
    finally {
        await settling;
    }
}
/** Throws when whoever triggered the run may not spend the credits (`request/trigger-guard.ts`). */
async function refuseUntrustedTrigger(config, deadline, context) {
    const { github } = config;
    const untrusted = await checkTrigger({
        eventName: github.eventName,
        payload: context.event,
        allowUntrusted: config.allowUntrustedTrigger,
        actor: github.actor,
        accessOf: accessLookup({
            token: config.githubToken,
            apiUrl: github.apiUrl,
            repository: github.repository,
            log: context.log,
            signal: context.signal,
            deadline,
        }),
    });
    if (untrusted)
        throw new InputError(untrusted);
}
/**
 * The inputs were refused: a `max-credits` too low for the runs is told with
 * them (same estimate as a real run), so one run of the step shows every problem.
 */
async function withCapRefusal(error, config, ledger, context) {
    if (!(error instanceof InputError) || config.maxCredits === undefined)
        return error;
    let note;
    try {
        // planRuns records every run before refusing the inputs.
        note = (await ledger()).refusalNote(context.record.runs.length);
    }
    catch (listing) {
        context.log.debug(`max-credits was not checked: ${errorMessage(listing)}`);
    }
    return note ? new InputError(`${error.message}\n${note}`) : error;
}
/** `wait: false` with `download-dir`: jobs left running have no files yet (a model answered inline has, and they were saved). */
function warnFilesNotYetMade(config, context) {
    if (config.wait || !config.downloadDir)
        return;
    const running = context.record.runs.filter((run) => run.outcome === 'submitted' || run.outcome === 'running');
    if (running.length === 0)
        return;
    const jobs = running.map((run) => run.jobId).join(', ');
    context.log.warning(`download-dir: nothing is downloaded for ${running.length === 1 ? 'job' : 'jobs'} ${jobs}: with wait: false the files do not exist yet. ` +
        'Download them in the step that waits (job-id).');
}
/** `job-id` given: follow that job instead of submitting a new run, then deliver its files. */
async function followJob(config, jobId, deadline, context) {
    const release = await findRelease(config, context, deadline);
    const job = await context.log.group(`Looking up job ${jobId}`, () => context.client.getJob(jobId, deadline));
    const { target, inputs } = await followedTarget(job, context.client, deadline, context.log);
    if (target)
        context.record.targetKnown(target);
    context.log.info(`Job ${job.id}: ${job.status}${job.app_name ? ` (${job.app_name})` : ''}`);
    const run = { record: context.record.addRun('1'), job };
    // The inputs as the job was sent them, for the manifest.
    run.record.following(inputs);
    // This step submitted nothing: its ledger has no cap and no estimate.
    const ledger = new Ledger(new CostEstimate(context.log, undefined, undefined, false), context.log);
    const incomplete = await runAll({ runs: [run], config, deadline, context, ledger, pollFirst: true });
    if (run.record.outcome === 'running') {
        context.record.succeeded('running');
        warnFilesNotYetMade(config, context);
        return;
    }
    if (!incomplete)
        context.record.succeeded('completed');
    await deliverRuns([run], { config, release, deadline, context, incomplete });
}
/**
 * The account's recent jobs, listed at most once per step (max-credits and reuse
 * share them). Seen before anything is submitted, none of them can be a job this
 * step submits (see SeenJobs).
 */
function lazyRecentJobs(deadline, context) {
    let jobs;
    const list = async () => {
        const listed = await context.client.listJobs(deadline);
        context.seenJobs.saw(listed);
        return listed;
    };
    return () => (jobs ??= list());
}

;// CONCATENATED MODULE: ./src/main.ts














/**
 * The workflow log, through @actions/core. `info` is the one way text reaches
 * stdout as it is, so it is where outside text is kept from acting as a
 * workflow command; the other calls are commands whose data core escapes.
 */
const coreLogger = {
    info: (message) => info(inertLogText(message)),
    warning: (message) => warning(message),
    notice: (message) => notice(message),
    debug: (message) => core_debug(message),
    group: (title, fn) => group(title, fn),
};
/**
 * When a workflow is cancelled, the runner sends SIGINT, SIGTERM 7.5 s later,
 * and kills the process 2.5 s after that. The step goes on as long as it
 * safely can after each (a submission's answer may still come, and its job be
 * cancelled), then reports and exits before the kill.
 */
const GRACE_AFTER_SIGINT_MS = 8_000;
const GRACE_AFTER_SIGTERM_MS = 1_200;
/** The most the last report (outputs, manifest, summary) may take before that exit. */
const LAST_REPORT_MS = 700;
/** The values no log line, output or summary may show: the API key and the GitHub token. */
function actionSecrets(env = process.env) {
    return secretValues(readSecrets((name) => getInput(name), env));
}
/**
 * The main step: reads the inputs, runs the pipeline, and reports — outputs, job
 * summary, and one failure path (`core.setFailed` with a message; the stack only
 * in debug). Jobs it starts are listed in the step state until it is done with
 * them, so the post step can cancel them if this step is killed.
 */
async function mainStep(env = process.env) {
    // The key is masked before anything else is printed.
    const secrets = actionSecrets(env);
    for (const secret of secrets)
        core_setSecret(secret);
    registerSecrets(secrets);
    const postState = new PostStateWriter((name, value) => saveState(name, value));
    postState.mainStepStarted();
    const log = redactingLogger(coreLogger, secrets);
    const record = new StepRecord(Date.now(), (name, value) => setOutput(name, redactSecrets(value, secrets)), {
        warn: (message) => log.warning(message),
    });
    const openJobs = new OpenJobs(postState);
    const controller = new AbortController();
    let config;
    let event;
    let reporting;
    const { signal } = controller;
    const reportOnce = () => (reporting ??= deliverStep(record, { config, event, secrets, log, signal, writeSummary }));
    // Set once the pipeline has ended (its failure recorded), or once the step must end without it.
    let settled = false;
    const stopHandlingSignals = handleSignals(log, controller, async () => {
        if (!settled) {
            settled = true;
            setFailed(redactSecrets(recordForcedEnd(record, openJobs), secrets));
            record.ended(Date.now());
        }
        record.settleLists();
        await Promise.race([reportOnce(), new Promise((resolve) => setTimeout(resolve, LAST_REPORT_MS))]);
    });
    try {
        const read = readConfig((name) => getInput(name), env);
        config = read.config;
        for (const warning of read.warnings)
            log.warning(warning);
        postState.apiUrl(config.apiUrl);
        event = await readEventPayload(config.github.eventPath, log);
        const client = new ArmoxClient({ apiUrl: config.apiUrl, apiKey: config.apiKey, log, signal });
        const seenJobs = new SeenJobs();
        await runPipeline(config, { client, log, record, openJobs, seenJobs, signal, event });
    }
    catch (error) {
        if (!settled) {
            const message = redactSecrets(errorMessage(error), secrets);
            record.failed(failureOutcome(record, error), record.errorMessage ?? message);
            annotateFileProblems(error, secrets);
            setFailed(message);
        }
        if (error instanceof Error && error.stack)
            core_debug(redactSecrets(error.stack, secrets));
    }
    finally {
        if (!settled)
            record.ended(Date.now());
        settled = true;
        record.flush();
        record.settleLists();
        await reportOnce();
        stopHandlingSignals();
    }
}
/**
 * SIGINT or SIGTERM cancel the step (`controller` is aborted: every wait and
 * read stops, the jobs are cancelled). The process then ends before the runner
 * kills it, whatever is still in flight: `lastWords` (reporting what is
 * known), then exit. Returns what stops the handling.
 */
function handleSignals(log, controller, lastWords) {
    let exitAt = Infinity;
    let timer;
    const onSignal = (signal) => {
        if (!controller.signal.aborted) {
            log.info(`Received ${signal}: cancelling.`);
            controller.abort();
        }
        const grace = signal === 'SIGINT' ? GRACE_AFTER_SIGINT_MS : GRACE_AFTER_SIGTERM_MS;
        if (Date.now() + grace >= exitAt)
            return;
        if (exitAt !== Infinity)
            log.info(`Received ${signal}: ending within ${grace / 1000}s.`);
        exitAt = Date.now() + grace;
        clearTimeout(timer);
        // process.exit() keeps the exit code set so far (1 once the step failed).
        timer = setTimeout(() => void lastWords().finally(() => process.exit()), grace);
    };
    // On Windows the runner sends Ctrl+C, then Ctrl+Break (SIGBREAK) where Linux and macOS get SIGTERM.
    const signals = [
        'SIGINT',
        'SIGTERM',
        ...(process.platform === 'win32' ? ['SIGBREAK'] : []),
    ];
    for (const signal of signals)
        process.on(signal, onSignal);
    return () => {
        for (const signal of signals)
            process.off(signal, onSignal);
        clearTimeout(timer);
    };
}
/**
 * The step must end before the runner kills it while work is still in flight:
 * a submission awaiting Armox's answer, jobs whose cancelling has not finished.
 * Records each run as the post step will find it (it cancels both: it looks
 * for the submitted job among the recent jobs), and returns the step's error.
 */
function recordForcedEnd(record, openJobs) {
    const pending = openJobs.submissions.map((submission) => submission.item);
    const open = openJobs.jobIds;
    const message = forcedEndMessage(record.naming.which(pending), pending, open);
    const own = (itemMessage) => (record.perItem ? itemMessage : message);
    for (const run of record.runs) {
        if (run.outcome)
            continue;
        if (pending.includes(run.name)) {
            run.ended('cancelled', own("the workflow was cancelled while its submission awaited Armox's answer; the post step looks for its job and cancels it"));
        }
        else if (run.jobId && open.includes(run.jobId)) {
            run.ended('cancelled', own('the workflow was cancelled, and the step had to end before its job was cancelled: the post step cancels it'));
        }
        else if (!run.jobId) {
            run.ended('skipped', 'not submitted: the workflow was cancelled.');
        }
    }
    record.failed('cancelled', message);
    return message;
}
/** `The workflow was cancelled, and the step had to end before Armox answered the submission of item "2": …` */
function forcedEndMessage(which, pending, open) {
    const before = [];
    if (pending.length > 0)
        before.push(`Armox answered the submission of ${which}`);
    if (open.length > 0)
        before.push(`${open.length === 1 ? `job ${open[0]} was` : `jobs ${open.join(', ')} were`} cancelled`);
    if (before.length === 0)
        return 'The workflow was cancelled.';
    const them = pending.length + open.length === 1 ? 'it' : 'them';
    const finding = pending.length > 0 ? ' (finding the submitted job among the recent jobs)' : '';
    return (`The workflow was cancelled, and the step had to end before ${before.join(' and before ')}: ` +
        `the post step cancels ${them}${finding}, so that nothing keeps spending credits.`);
}
/** How a failed step is headlined: what happened to its run, or the kind of error. */
function failureOutcome(record, error) {
    if (error instanceof CancelledError || record.outcome === 'cancelled')
        return 'cancelled';
    const single = record.single?.outcome;
    if (!record.perItem && (single === 'failed' || single === 'cancelled' || single === 'timed-out'))
        return single;
    if (error instanceof TimeoutError)
        return 'timed-out';
    return record.perItem && record.runs.some((run) => run.jobId) ? 'failed' : 'error';
}
/** The job summary, when the runner gives a file for it (a failure is the sink's warning). */
async function writeSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    await summary.addRaw(markdown, true).write();
}
/** `@github/local-action` (npm run local-action) calls the entry's `run()`. */


;// CONCATENATED MODULE: ./src/post.ts









/** The whole post step stays well inside the runner's patience. */
const POST_STEP_MS = 10_000;
/**
 * The post step (`runs.post`, which the runner runs even when the job failed or
 * was cancelled): cancels the jobs the main step started and never finished
 * with, because it was killed or its runner lost, and the jobs of submissions
 * it sent and never had answered (it had to end first). When the main step was
 * done with every job, it does nothing and sends no request. It never fails the job.
 */
async function postStep(env, log) {
    const secrets = readSecrets((name) => getInput(name), env);
    for (const secret of secretValues(secrets))
        core_setSecret(secret);
    registerSecrets(secretValues(secrets));
    const safeLog = redactingLogger(log, secretValues(secrets));
    try {
        const { openJobs: open, pendingSubmissions: pending, apiUrl } = readPostState(env);
        if ((open.length === 0 && pending.length === 0) || !apiUrl || !secrets.apiKey)
            return;
        const client = new ArmoxClient({
            apiUrl,
            apiKey: secrets.apiKey,
            log: safeLog,
            readAttempts: 2,
            retryBaseMs: 500,
            rateLimitWaits: 1,
        });
        const cleanup = { client, log: safeLog, deadline: Deadline.after(POST_STEP_MS) };
        await Promise.all([cancelOpenJobs(open, cleanup), cancelSubmitted(pending, open, cleanup)]);
    }
    catch (error) {
        safeLog.warning(`The clean-up step could not run: ${errorMessage(error)}`);
    }
}
async function cancelOpenJobs(open, cleanup) {
    if (open.length === 0)
        return;
    cleanup.log.info(`The main step ended without finishing with ${open.length === 1 ? `job ${open[0]}` : `jobs ${open.join(', ')}`} ` +
        '(it was killed or its runner was lost): cancelling so nothing keeps spending credits.');
    await Promise.all(open.map((id) => cancelJob(id, cleanup)));
}
/** A submission's job may be created after its answer was given up on: looked for this many times, this far apart. */
const LOOKS = 3;
const LOOK_AGAIN_MS = 2_500;
/**
 * Submissions the main step sent and never had answered (it was cancelled or
 * killed first) may have jobs it never knew. The recent jobs are searched for
 * each, by the rules the main step follows for a lost answer, and its job is
 * cancelled unless it has ended. A job Armox creates late is looked for again,
 * a few times; several equally likely jobs are not guessed between.
 */
async function cancelSubmitted(pending, open, cleanup) {
    const { client, log, deadline } = cleanup;
    if (pending.length === 0)
        return;
    const which = pending.map((submission) => submission.what).join(', ');
    log.info(`The main step ended while the submission of ${which} awaited Armox's answer (it was cancelled, killed or out of time): ` +
        'looking for its job among the recent jobs, to cancel it so nothing keeps spending credits.');
    // A job already claimed (the main step's, or found here for another submission) is not this one's.
    const claimed = new Set(open);
    // Several possible jobs will not become one by waiting; a job not listed yet may be.
    const ambiguous = [];
    let unlisted = pending;
    for (let look = 1; unlisted.length > 0; look++) {
        let jobs;
        try {
            jobs = await client.listJobs(deadline);
        }
        catch (error) {
            log.warning(`Could not list the recent jobs: ${errorMessage(error)} ${checkJobsHint(unlisted)}`);
            return;
        }
        const stillUnlisted = [];
        for (const submission of unlisted) {
            const known = [...submission.known, ...claimed];
            const target = submittedTarget(submission.target);
            const { found, possible } = target
                ? pickSubmittedJob(jobs, { ...submission, known }, target, log)
                : { possible: [] };
            if (!found) {
                if (possible.length > 0)
                    ambiguous.push({ submission, possible });
                else
                    stillUnlisted.push(submission);
                continue;
            }
            claimed.add(found.id);
            if (isTerminal(found.status))
                log.info(`Job ${found.id} of ${submission.what} is already ${found.status}.`);
            else
                await cancelJob(found.id, cleanup, ` of ${submission.what}`);
        }
        unlisted = stillUnlisted;
        if (unlisted.length === 0 || look === LOOKS || deadline.remaining() < 2 * LOOK_AGAIN_MS)
            break;
        const names = unlisted.map((submission) => submission.what).join(', ');
        log.info(`No job of ${names} listed yet: looking again in ${LOOK_AGAIN_MS / 1000}s.`);
        await sleep(LOOK_AGAIN_MS);
    }
    for (const { submission, possible } of ambiguous) {
        const jobs = possible.map((job) => `${job.id} (${job.status})`).join(', ');
        log.warning(`No job of ${submission.what} was found among the recent jobs: it may be any of ${jobs}, so none was cancelled. ` +
            checkJobsHint([submission]));
    }
    for (const submission of unlisted) {
        log.warning(`No job of ${submission.what} was found among the recent jobs: Armox did not take it, or has not listed it yet. ` +
            checkJobsHint([submission]));
    }
}
async function cancelJob(id, { client, log, deadline }, of = '') {
    try {
        const { status } = await client.cancelJob(id, deadline);
        log.info(`Cancelled job ${id}${of} (${status}).`);
    }
    catch (error) {
        log.warning(`Could not cancel job ${id}${of}: ${errorMessage(error)} Check it with GET /api/v1/jobs/${id}.`);
    }
}
function checkJobsHint(pending) {
    const sent = pending.map((submission) => new Date(submission.sentAt).toISOString()).join(', ');
    return `Check the recent jobs of this key (GET /api/v1/jobs) for one submitted at ${sent}, and cancel it if it is running.`;
}

;// CONCATENATED MODULE: ./src/index.ts






/** Anything that escapes the main step still fails the step, with a message and no stack in the log (nor a secret). */
function fail(error) {
    const secrets = actionSecrets();
    setFailed(redactSecrets(`Unexpected error: ${errorMessage(error)}`, secrets));
    if (error instanceof Error && error.stack)
        core_debug(redactSecrets(error.stack, secrets));
}
// The main step leaves this state for its post step (as actions/checkout does): its presence means "post".
const isPost = process.env[`STATE_${State.IsPost}`] === 'true';
if (isPost) {
    // The post step never fails the job on its own.
    postStep(process.env, coreLogger)
        .catch((error) => warning(`The clean-up step failed: ${errorMessage(error)}`))
        .finally(() => process.exit(0));
}
else {
    process.on('unhandledRejection', fail);
    // An exception thrown outside any promise (a library's event handler): fail the step the same way, then stop.
    process.on('uncaughtException', (error) => {
        fail(error);
        process.exit();
    });
    mainStep()
        .catch(fail)
        // Exit explicitly: a server that never closes a connection must not keep the step alive.
        .finally(() => process.exit());
}

