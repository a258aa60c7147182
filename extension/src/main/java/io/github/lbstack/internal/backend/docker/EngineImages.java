package io.github.lbstack.internal.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import io.github.lbstack.internal.backend.ImageConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.utility.DockerImageName;

/**
 * The image calls both Docker-based backends make of one engine (the local one, or a swarm node's). Failures are
 * thrown as they come; each backend names the engine in its own message.
 */
public final class EngineImages {

  private EngineImages() {}

  public static boolean has(DockerClient engine, String image) {
    try {
      engine.inspectImageCmd(image).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  /** @throws NotFoundException when the image is not present */
  public static ImageConfig config(DockerClient engine, String image) {
    var inspected = engine.inspectImageCmd(image).exec();
    var config = inspected.getConfig();
    String[] entrypoint = config == null ? null : config.getEntrypoint();
    String[] command = config == null ? null : config.getCmd();
    return new ImageConfig(inspected.getId(), entrypoint == null ? List.of() : List.of(entrypoint),
        command == null ? List.of() : List.of(command), config == null ? "" : config.getUser(),
        ImageConfig.env(config == null ? null : config.getEnv()));
  }

  /** @throws IllegalStateException when the pull outlasts {@code timeout} */
  public static void pull(DockerClient engine, String image, Duration timeout) throws InterruptedException {
    DockerImageName name = DockerImageName.parse(image);
    boolean done = engine.pullImageCmd(name.getUnversionedPart()).withTag(name.getVersionPart()).start()
        .awaitCompletion(timeout.toSeconds(), TimeUnit.SECONDS);
    if (!done) {
      throw new IllegalStateException("the pull took longer than " + timeout.toSeconds() + " s");
    }
  }

  /** Builds from a Dockerfile whose directory is the context; docker-java tars it (honouring .dockerignore). */
  public static void build(DockerClient engine, Path dockerfile, Map<String, String> buildArgs, String tag,
      Map<String, String> labels) {
    BuildImageCmd build = engine.buildImageCmd(dockerfile.getParent().toFile())
        .withDockerfile(dockerfile.toFile())
        .withTags(Set.of(tag))
        .withLabels(labels)
        // A failed step's container would otherwise stay behind (the engine keeps it for debugging), unlabelled.
        .withForcerm(true);
    buildArgs.forEach(build::withBuildArg);
    StepImages steps = new StepImages();
    try {
      build.exec(steps).awaitImageId(10, TimeUnit.MINUTES);
    } catch (RuntimeException e) {
      steps.removeLeftOver(engine);
      throw e;
    }
  }

  /**
   * The image each step of a build made, read from its output. A build that fails keeps those of the steps before
   * the failed one: untagged, unlabelled, and children of the base image, which then cannot be removed by its name.
   */
  private static final class StepImages extends BuildImageResultCallback {

    private static final Pattern STEP_IMAGE = Pattern.compile("^ ---> ([0-9a-f]{12,64})\\s*$");
    private static final Pattern FROM_STEP = Pattern.compile("^Step \\d+/\\d+ : FROM .*", Pattern.CASE_INSENSITIVE);
    private final List<String> made = new java.util.ArrayList<>();
    private boolean nextIsBase;

    @Override
    public void onNext(BuildResponseItem item) {
      String line = item.getStream();
      if (line != null) {
        if (FROM_STEP.matcher(line.strip()).matches()) {
          nextIsBase = true;
        } else {
          Matcher image = STEP_IMAGE.matcher(line);
          if (image.matches()) {
            // A FROM step's image is the base, someone else's.
            if (!nextIsBase) {
              synchronized (made) {
                made.add(image.group(1));
              }
            }
            nextIsBase = false;
          }
        }
      }
      super.onNext(item);
    }

    /**
     * Removes the images of a failed build's steps, last first; removing one removes its untagged parents too. A step
     * taken from the cache is the parent of an image built before, and stays.
     */
    void removeLeftOver(DockerClient engine) {
      List<String> images;
      synchronized (made) {
        images = new java.util.ArrayList<>(made);
      }
      java.util.Collections.reverse(images);
      for (String image : images) {
        try {
          engine.removeImageCmd(image).exec();
        } catch (DockerException inUseOrGone) {
          // A parent of another image, or removed with the one after it: what is left is not ours to remove.
        }
      }
    }
  }
}
