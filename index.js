// The package's "main": the node and credential classes, from dist/, for code that requires the package (n8n loads them through package.json's "n8n" section).
const { CxoneAgentStates } = require('./dist/nodes/Cxone/CxoneAgentStates.node');
const { CxoneAgentStatesTrigger } = require('./dist/nodes/Cxone/CxoneAgentStatesTrigger.node');
const { CxoneApi } = require('./dist/credentials/CxoneApi.credentials');

module.exports = { CxoneAgentStates, CxoneAgentStatesTrigger, CxoneApi };
