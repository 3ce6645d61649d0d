package dev.tradewind.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CategorySeedTest {
  private final List<CategorySeed> tree = CategorySeed.tree();

  @Test
  @DisplayName("every parent is listed before its children, so the tree loads in one pass")
  void parentsComeBeforeChildren() {
    Set<String> seen = new HashSet<>();
    for (CategorySeed category : tree) {
      if (category.parentSlug() != null) {
        assertThat(seen).as("parent of %s", category.slug()).contains(category.parentSlug());
      }
      seen.add(category.slug());
    }
  }

  @Test
  void slugsAreUniqueAndUrlSafe() {
    assertThat(tree).extracting(CategorySeed::slug).doesNotHaveDuplicates()
      .allSatisfy(slug -> assertThat(slug).matches("[a-z]+(-[a-z]+)*"));
  }

  @Test
  void everyParentExists() {
    Set<String> slugs = new HashSet<>(tree.stream().map(CategorySeed::slug).toList());
    assertThat(tree).extracting(CategorySeed::parentSlug).filteredOn(parent -> parent != null)
      .allSatisfy(parent -> assertThat(slugs).contains(parent));
  }

  @Test
  @DisplayName("at least eight top-level categories, each with children, named in en, pt, ja and es")
  void topLevelCategoriesHaveChildrenAndFourLanguages() {
    List<CategorySeed> top = tree.stream().filter(c -> c.parentSlug() == null).toList();
    assertThat(top).hasSizeGreaterThanOrEqualTo(8)
      .allSatisfy(c -> assertThat(tree).anyMatch(child -> c.slug().equals(child.parentSlug())));
    assertThat(tree).allSatisfy(c -> assertThat(c.names()).containsKeys("en", "pt", "ja", "es")
      .allSatisfy((language, name) -> assertThat(name).isNotBlank()));
  }

  @Test
  void leavesAreTheCategoriesWithoutChildren() {
    assertThat(CategorySeed.leafSlugs()).contains("bed-linen", "knives", "headphones")
      .doesNotContain("home-textiles", "kitchen", "audio");
  }
}
