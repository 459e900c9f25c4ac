package io.branchcast.controlplane.artifacts;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** ArtifactVersion constrains an artifact version with the same character rules as {@link ArtifactName}, up to 100 characters. */
@NotBlank(message = "version is required")
@Size(max = 100, message = "version is at most 100 characters")
@Pattern(regexp = ArtifactName.PATTERN, message = "version starts with a letter or digit and may hold letters, digits, "
        + "spaces and . _ + - ( ) @ , ~ but no '..' and no trailing space")
@Constraint(validatedBy = {})
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface ArtifactVersion {

    String message() default "invalid artifact version";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
