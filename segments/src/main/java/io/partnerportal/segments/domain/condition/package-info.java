/**
 * The segment condition language of {@code shared/CONDITIONS.md}: parse ({@link
 * io.partnerportal.segments.domain.condition.ConditionParser}), validate against the property
 * catalogue ({@link io.partnerportal.segments.domain.condition.ConditionValidator}), lint ({@link
 * io.partnerportal.segments.domain.condition.ConditionLint}), compile once and evaluate many times
 * ({@link io.partnerportal.segments.domain.condition.CompiledCondition}).
 */
package io.partnerportal.segments.domain.condition;
