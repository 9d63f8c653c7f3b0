import { ErrorKind, moduleError } from '../common/domain-error.js';

export enum RulesErrorCode {
  RuleSetNotFound = 'rule-set-not-found',
  VersionNotFound = 'rule-set-version-not-found',
  NoActiveVersion = 'rule-set-not-active',
  InvalidRuleSet = 'invalid-rule-set',
  InvalidFacts = 'invalid-facts',
  DecisionNotFound = 'decision-not-found',
  SimulationNotFound = 'rule-simulation-not-found',
}

const KIND: Record<RulesErrorCode, ErrorKind> = {
  [RulesErrorCode.RuleSetNotFound]: ErrorKind.NotFound,
  [RulesErrorCode.VersionNotFound]: ErrorKind.NotFound,
  [RulesErrorCode.NoActiveVersion]: ErrorKind.Conflict,
  [RulesErrorCode.InvalidRuleSet]: ErrorKind.Unprocessable,
  [RulesErrorCode.InvalidFacts]: ErrorKind.InvalidInput,
  [RulesErrorCode.DecisionNotFound]: ErrorKind.NotFound,
  [RulesErrorCode.SimulationNotFound]: ErrorKind.NotFound,
};

export class RulesError extends moduleError<RulesErrorCode>(KIND) {}
