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

/**
 * ArtifactName constrains an artifact name: it becomes the file name in the manifest, so it is one safe path component
 * (no separators, no "..", no control characters) of at most 200 characters.
 */
@NotBlank(message = "name is required")
@Size(max = 200, message = "name is at most 200 characters")
@Pattern(regexp = ArtifactName.PATTERN, message = "name starts with a letter or digit and may hold letters, digits, "
        + "spaces and . _ + - ( ) @ , ~ but no '..' and no trailing space")
@Constraint(validatedBy = {})
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface ArtifactName {

    /** One path component: no '/', '\', control characters or "..", no leading punctuation, no trailing space. */
    String PATTERN = "(?!.*\\.\\.)[\\p{L}\\p{N}](?:[\\p{L}\\p{N} ._+()@,~-]*[\\p{L}\\p{N}._+()@,~-])?";

    String message() default "invalid artifact name";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
