namespace WorkflowEngine.Engine.Cases;

public enum RefusalCode
{
    WrongRole,
    MissingField,
    InvalidData,
    OpinionRequired,
    RuleBlocked,
    CaseClosed,
    StaleVersion,
    UnknownTask,
    UnknownAction,
    NotAllowedNow,
    ExtensionCapExceeded,
    ConditionFailed,
    WrongDefinition,
    NotFound,
}
